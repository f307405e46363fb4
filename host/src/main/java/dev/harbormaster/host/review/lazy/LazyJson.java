package dev.harbormaster.host.review.lazy;

import dev.harbormaster.host.review.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Entry point: validates a JSON document and returns its root as a lazy tree.
 *
 * <p>Why: on an UPDATE review, {@code object} and {@code oldObject} are each about half of a 13 KB
 * body, and Jackson's tree of them was most of the host's CPU per review; an instance usually
 * touches a small part (the image-stamping fixture: {@code metadata.annotations}). Untouched
 * subtrees stay byte ranges: copied for free and compared without being parsed.
 */
public final class LazyJson {
  static final JsonNodeFactory NODES = Json.MAPPER.getNodeFactory();

  private LazyJson() {}

  /**
   * Validates {@code body} (RFC 8259, UTF-8) and returns its value: a lazy object or array, or a
   * plain node for a scalar. {@code body} must not change afterwards.
   *
   * @throws JsonSyntaxException naming the byte offset and what was expected
   */
  public static JsonNode parse(byte[] body) {
    ContainerIndex index = JsonScanner.index(body, 0, body.length);
    int start = JsonScanner.skipWhitespace(body, 0, body.length);
    int end = JsonScanner.skipValue(body, start, body.length, index);
    return Values.node(new Source(body, start, end, index));
  }

  /** True when {@code node} is a lazy container whose children have not been read yet. */
  public static boolean untouched(JsonNode node) {
    return switch (node) {
      case LazyObjectNode o -> !o.lazyMembers().materialized();
      case LazyArrayNode a -> !a.lazyElements().materialized();
      default -> false;
    };
  }
}
