package dev.harbormaster.workload;

import tools.jackson.databind.JsonNode;

/**
 * Mirror pods: the API server's read-only copies of a kubelet's static pods. They carry the
 * annotation {@code kubernetes.io/config.mirror}; their spec comes from a file on the node, so an
 * admission plugin must leave them alone.
 *
 * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/static-pod/">Static
 *     pods</a>
 */
public final class MirrorPods {
  /** The annotation the kubelet sets on mirror pods. */
  public static final String ANNOTATION = "kubernetes.io/config.mirror";

  private MirrorPods() {}

  /** Whether {@code pod} is a mirror pod (a Pod carrying {@link #ANNOTATION}, any value). */
  public static boolean isMirrorPod(JsonNode pod) {
    return pod.path("metadata").path("annotations").has(ANNOTATION);
  }
}
