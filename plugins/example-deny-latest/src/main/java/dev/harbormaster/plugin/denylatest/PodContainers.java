package dev.harbormaster.plugin.denylatest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Finds the containers of a Pod or of a workload's pod template in a raw object tree.
 *
 * <p>The pod spec is at {@code spec} for a Pod, at {@code spec.template.spec} for Deployment,
 * StatefulSet, DaemonSet, ReplicaSet and Job, and at {@code spec.jobTemplate.spec.template.spec}
 * for CronJob. The raw tree is read directly (no typed model), so this works for any API version of
 * these kinds.
 *
 * @see <a href="https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/">Pod
 *     v1</a>
 */
public final class PodContainers {
  private static final List<String> TEMPLATE = List.of("spec", "template", "spec");
  private static final Map<String, List<String>> POD_SPEC_PATHS =
      Map.of(
          "Pod", List.of("spec"),
          "Deployment", TEMPLATE,
          "StatefulSet", TEMPLATE,
          "DaemonSet", TEMPLATE,
          "ReplicaSet", TEMPLATE,
          "Job", TEMPLATE,
          "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"));

  /** The container lists of a pod spec, in the order Kubernetes starts them. */
  private static final List<String> CONTAINER_LISTS =
      List.of("initContainers", "containers", "ephemeralContainers");

  private PodContainers() {}

  /**
   * One container of a pod spec.
   *
   * @param list the field holding it: {@code initContainers}, {@code containers} or {@code
   *     ephemeralContainers}
   * @param name the container name ({@code ""} when missing)
   * @param image the image reference ({@code ""} when missing)
   */
  public record Container(String list, String name, String image) {
    /** {@code container "web"}, {@code initContainer "setup"}, {@code ephemeralContainer "dbg"}. */
    public String describe() {
      String singular = list.substring(0, list.length() - 1);
      return singular + " \"" + name + "\"";
    }
  }

  /** True when objects of {@code kind} carry a pod spec this class knows how to find. */
  public static boolean supports(String kind) {
    return POD_SPEC_PATHS.containsKey(kind);
  }

  /**
   * Lists the containers of {@code object}, a {@code kind}.
   *
   * @return the containers; empty for other kinds or when the object has no pod spec
   */
  public static List<Container> of(String kind, JsonNode object) {
    Optional<JsonNode> podSpec = podSpec(kind, object);
    List<Container> containers = new ArrayList<>();
    podSpec.ifPresent(
        spec -> {
          for (String list : CONTAINER_LISTS) {
            for (JsonNode container : spec.path(list)) {
              containers.add(
                  new Container(
                      list,
                      container.path("name").asString(""),
                      container.path("image").asString("")));
            }
          }
        });
    return containers;
  }

  private static Optional<JsonNode> podSpec(String kind, JsonNode object) {
    List<String> path = POD_SPEC_PATHS.get(kind);
    if (path == null) {
      return Optional.empty();
    }
    JsonNode node = object;
    for (String field : path) {
      node = node.path(field);
    }
    return node.isObject() ? Optional.of(node) : Optional.empty();
  }
}
