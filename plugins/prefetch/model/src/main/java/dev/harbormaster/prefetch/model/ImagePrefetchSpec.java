package dev.harbormaster.prefetch.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;

/**
 * What to pull and where.
 *
 * @param images normalised image references ({@code docker.io/library/nginx:1.27}), no duplicates
 * @param nodeSelector node labels a node must carry (all of them) for its agent to pull; empty
 *     means every node
 * @param pullSecrets names of {@code kubernetes.io/dockerconfigjson} or {@code dockercfg} secrets
 *     in this object's namespace (copies of the workload's pull secrets)
 * @param runtimeHandler the CRI runtime handler (from the workload's {@code runtimeClassName}), or
 *     empty for the default
 * @param ttlSeconds how long after its last update the intent may be removed; 0 keeps it
 * @param owner the workload this intent was made for
 */
public record ImagePrefetchSpec(
    @JsonPropertyDescription("Normalised image references to pull") List<String> images,
    @JsonPropertyDescription("Node labels a node must carry for its agent to pull (all of them)")
        Map<String, String> nodeSelector,
    @JsonPropertyDescription("Pull secrets (names in this namespace) the agents use")
        List<String> pullSecrets,
    @JsonPropertyDescription("CRI runtime handler, empty for the default") String runtimeHandler,
    @JsonPropertyDescription("Seconds after the last update the intent may be removed; 0 keeps it")
        long ttlSeconds,
    @JsonPropertyDescription("The workload this intent was made for") WorkloadOwner owner) {

  /** Replaces absent values by empty ones and copies the collections. */
  public ImagePrefetchSpec {
    images = images == null ? List.of() : List.copyOf(images);
    nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
    pullSecrets = pullSecrets == null ? List.of() : List.copyOf(pullSecrets);
    runtimeHandler = runtimeHandler == null ? "" : runtimeHandler;
    owner = owner == null ? WorkloadOwner.none() : owner;
    if (ttlSeconds < 0) {
      throw new IllegalArgumentException("spec.ttlSeconds must not be negative, got " + ttlSeconds);
    }
  }

  /** A spec with nothing to pull. */
  public static ImagePrefetchSpec empty() {
    return new ImagePrefetchSpec(List.of(), Map.of(), List.of(), "", 0, WorkloadOwner.none());
  }

  /** Whether a node with {@code labels} is selected: every selector entry is among them. */
  public boolean selects(Map<String, String> labels) {
    return nodeSelector.entrySet().stream()
        .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }
}
