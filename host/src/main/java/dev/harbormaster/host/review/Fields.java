package dev.harbormaster.host.review;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Typed field access on review trees; every mismatch is a {@link BadReviewException}. */
final class Fields {
  private Fields() {}

  static Optional<String> optionalString(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isString()) {
      throw new BadReviewException(path + " must be a string, got " + describe(node));
    }
    return Optional.of(node.stringValue());
  }

  static String requiredString(JsonNode parent, String field, String path) {
    return optionalString(parent, field, path)
        .filter(s -> !s.isEmpty())
        .orElseThrow(() -> new BadReviewException(path + " is missing or empty"));
  }

  static boolean optionalBoolean(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw new BadReviewException(path + " must be a boolean, got " + describe(node));
    }
    return node.booleanValue();
  }

  static Optional<ObjectNode> optionalObject(JsonNode parent, String field, String path) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!(node instanceof ObjectNode object)) {
      throw new BadReviewException(path + " must be a JSON object or null, got " + describe(node));
    }
    return Optional.of(object);
  }

  static JsonNode requiredObject(JsonNode parent, String field, String path) {
    return optionalObject(parent, field, path)
        .orElseThrow(() -> new BadReviewException(path + " is missing"));
  }

  /** Names a node's JSON type for messages ("an array", "the string \"x\""). */
  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
