/**
 * The prefetch node agent: runs on every node (DaemonSet), watches {@code ImagePrefetch} intents
 * whose node selector matches its node, pulls their images through the CRI image service and
 * reports per image in its node's {@code PrefetchNodeStatus}.
 *
 * <ul>
 *   <li>{@link dev.harbormaster.prefetch.agent.cri}: the CRI client (vendored {@code runtime.v1}
 *       proto, gRPC over the runtime's unix socket).
 *   <li>{@link dev.harbormaster.prefetch.agent.pull}: one pull of one image (status first,
 *       credentials matched like kubelet, failures classified).
 *   <li>{@link dev.harbormaster.prefetch.agent.node}: the node loop (queue, backoff, state,
 *       report).
 *   <li>{@link dev.harbormaster.prefetch.agent.cli}: the command line.
 * </ul>
 */
package dev.harbormaster.prefetch.agent;
