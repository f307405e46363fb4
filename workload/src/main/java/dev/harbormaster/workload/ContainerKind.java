package dev.harbormaster.workload;

/**
 * The three container lists of a pod spec, in the order Kubernetes starts them.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#containers">Pod
 *     containers</a>
 */
public enum ContainerKind {
  /** {@code initContainers}, including native sidecars ({@code restartPolicy: Always}). */
  INIT("initContainers", "initContainer"),
  /** {@code containers}. */
  REGULAR("containers", "container"),
  /**
   * {@code ephemeralContainers}, added to a running Pod by an UPDATE of the {@code
   * pods/ephemeralcontainers} subresource ({@code kubectl debug}).
   */
  EPHEMERAL("ephemeralContainers", "ephemeralContainer");

  private final String field;
  private final String singular;

  ContainerKind(String field, String singular) {
    this.field = field;
    this.singular = singular;
  }

  /** The pod spec field holding the list: {@code initContainers}, {@code containers}... */
  public String field() {
    return field;
  }

  /** The singular used in messages: {@code initContainer}, {@code container}... */
  public String singular() {
    return singular;
  }
}
