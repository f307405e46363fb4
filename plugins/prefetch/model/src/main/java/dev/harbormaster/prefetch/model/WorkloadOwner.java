package dev.harbormaster.prefetch.model;

/**
 * The workload an {@link ImagePrefetch} was made for. Not an ownerReference: the workload lives in
 * another namespace, which ownerReferences cannot point to.
 *
 * @param apiVersion e.g. {@code apps/v1}
 * @param kind e.g. {@code Deployment}
 * @param namespace the workload's namespace
 * @param name the workload's name
 */
public record WorkloadOwner(String apiVersion, String kind, String namespace, String name) {
  /** Replaces absent values by empty strings. */
  public WorkloadOwner {
    apiVersion = apiVersion == null ? "" : apiVersion;
    kind = kind == null ? "" : kind;
    namespace = namespace == null ? "" : namespace;
    name = name == null ? "" : name;
  }

  /** No owner recorded. */
  public static WorkloadOwner none() {
    return new WorkloadOwner("", "", "", "");
  }

  /** {@code Kind namespace/name}, for messages. */
  public String describe() {
    return kind + " " + namespace + "/" + name;
  }
}
