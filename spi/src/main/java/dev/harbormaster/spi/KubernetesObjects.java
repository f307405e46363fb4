package dev.harbormaster.spi;

import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Typed, read-only views of raw object trees through the fabric8 Kubernetes model.
 *
 * <p>A typed view is a copy: changing it does not change the review. Mutate the raw tree instead,
 * so that fields the model does not know survive.
 */
public final class KubernetesObjects {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private KubernetesObjects() {}

  /**
   * Converts a raw tree to a fabric8 model type, for example {@code
   * io.fabric8.kubernetes.api.model.Pod}.
   *
   * @return the typed copy, or empty when the tree is absent
   * @throws IllegalArgumentException when the tree does not have the shape of {@code type}
   */
  public static <T> Optional<T> as(Optional<? extends JsonNode> tree, Class<T> type) {
    return tree.map(node -> as(node, type));
  }

  /**
   * Converts a raw tree to a fabric8 model type.
   *
   * @throws IllegalArgumentException when the tree does not have the shape of {@code type}
   */
  public static <T> T as(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(
          "object is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
