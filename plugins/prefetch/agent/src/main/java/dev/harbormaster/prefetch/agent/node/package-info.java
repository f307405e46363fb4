/**
 * The node loop: which images this node wants ({@link
 * dev.harbormaster.prefetch.agent.node.PullIntent}), one queue with one pull per image in flight
 * ({@link dev.harbormaster.prefetch.agent.node.NodePullLoop}), the per-image state with backoff and
 * {@code Error} after N attempts ({@link dev.harbormaster.prefetch.agent.node.NodeImageTable}), and
 * the node's report written only on change and rate-limited ({@link
 * dev.harbormaster.prefetch.agent.node.StatusReporter}).
 */
package dev.harbormaster.prefetch.agent.node;
