/**
 * The two custom resources between the prefetch plugin and its node agents (group {@value
 * dev.harbormaster.prefetch.model.ImagePrefetch#GROUP}, version {@value
 * dev.harbormaster.prefetch.model.ImagePrefetch#VERSION}).
 *
 * <ul>
 *   <li>{@link dev.harbormaster.prefetch.model.ImagePrefetch} (namespaced, in Harbormaster's
 *       namespace): one per workload, written by the plugin with server-side apply; its status
 *       aggregates the node reports.
 *   <li>{@link dev.harbormaster.prefetch.model.PrefetchNodeStatus} (cluster-scoped, named after its
 *       node): written only by that node's agent, one entry per image.
 * </ul>
 *
 * <p>The CRD YAML in {@code deploy/crds} is generated from these classes by fabric8's CRD
 * generator.
 */
package dev.harbormaster.prefetch.model;
