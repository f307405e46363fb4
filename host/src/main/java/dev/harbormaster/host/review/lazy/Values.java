package dev.harbormaster.host.review.lazy;

import dev.harbormaster.host.review.Json;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * Turns one validated JSON value (a byte range) into a node: containers lazily, scalars at once.
 */
final class Values {
  private Values() {}

  /** The node for the value {@code value} spans. */
  static JsonNode node(Source value) {
    byte[] src = value.src();
    int start = value.start();
    int end = value.end();
    return switch (src[start]) {
      case '{' -> new LazyObjectNode(new LazyMembers(value));
      case '[' -> new LazyArrayNode(new LazyElements(value));
      case '"' -> LazyJson.NODES.stringNode(string(src, start, end));
      case 't' -> LazyJson.NODES.booleanNode(true);
      case 'f' -> LazyJson.NODES.booleanNode(false);
      case 'n' -> LazyJson.NODES.nullNode();
      default -> number(src, start, end);
    };
  }

  /** The decoded string whose quotes are at start and end - 1. */
  static String string(byte[] src, int start, int end) {
    if (!JsonScanner.hasEscape(src, start, end)) {
      return new String(src, start + 1, end - start - 2, StandardCharsets.UTF_8);
    }
    return Json.MAPPER.readTree(src, start, end - start).stringValue();
  }

  /**
   * Integers of up to 18 digits directly (int when it fits, else long, as Jackson does); anything
   * else (fractions, exponents, longer integers) through Jackson for identical nodes.
   */
  private static JsonNode number(byte[] src, int start, int end) {
    int p = start;
    boolean negative = src[p] == '-';
    if (negative) p++;
    if (end - p > 18) return Json.MAPPER.readTree(src, start, end - start);
    long value = 0;
    for (; p < end; p++) {
      int digit = src[p] - '0';
      if (digit < 0 || digit > 9) return Json.MAPPER.readTree(src, start, end - start);
      value = value * 10 + digit;
    }
    if (negative) value = -value;
    return value == (int) value
        ? LazyJson.NODES.numberNode((int) value)
        : LazyJson.NODES.numberNode(value);
  }
}
