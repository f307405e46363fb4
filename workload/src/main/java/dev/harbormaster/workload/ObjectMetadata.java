package dev.harbormaster.workload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Labels and annotations of an object (or of a pod template), read from and written to its raw
 * {@code metadata}. Values that are not strings are ignored when reading: the API server rejects
 * them, and a plugin must not crash on them.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/">ObjectMeta</a>
 */
public final class ObjectMetadata {
  private ObjectMetadata() {}

  /** The labels of {@code object} ({@code metadata.labels}), in document order. */
  public static Map<String, String> labels(JsonNode object) {
    return strings(object.path("metadata").path("labels"));
  }

  /** The annotations of {@code object} ({@code metadata.annotations}), in document order. */
  public static Map<String, String> annotations(JsonNode object) {
    return strings(object.path("metadata").path("annotations"));
  }

  /** One label's value. */
  public static Optional<String> label(JsonNode object, String key) {
    return text(object.path("metadata").path("labels").path(key));
  }

  /** One annotation's value. */
  public static Optional<String> annotation(JsonNode object, String key) {
    return text(object.path("metadata").path("annotations").path(key));
  }

  /**
   * Sets an annotation in place, creating {@code metadata} and {@code metadata.annotations} when
   * they are missing (a JSON Patch {@code add} into a missing map fails, so the map must exist
   * first: the host's diff then adds the whole map).
   *
   * @throws IllegalArgumentException when {@code metadata} or {@code metadata.annotations} exists
   *     but is not an object
   */
  public static void setAnnotation(ObjectNode object, String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    ObjectNode metadata = child(object, "metadata", "metadata");
    child(metadata, "annotations", "metadata.annotations").put(key, value);
  }

  private static ObjectNode child(ObjectNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return parent.putObject(field);
    }
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw new IllegalArgumentException(path + " must be an object, got " + node.getNodeType());
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> result = new LinkedHashMap<>();
    if (map.isObject()) {
      for (Map.Entry<String, JsonNode> e : map.properties()) {
        if (e.getValue().isString()) {
          result.put(e.getKey(), e.getValue().asString());
        }
      }
    }
    return result;
  }

  private static Optional<String> text(JsonNode node) {
    return node.isString() ? Optional.of(node.asString()) : Optional.empty();
  }
}
