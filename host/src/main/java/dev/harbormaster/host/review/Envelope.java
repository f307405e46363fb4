package dev.harbormaster.host.review;

import dev.harbormaster.spi.Review;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * One streaming pass over an AdmissionReview body: every field becomes a tree except {@code
 * request.oldObject}, which is only checked for well-formedness and remembered as a byte range of
 * the body (parsed later, if ever). Duplicate keys resolve as a tree parse would: the last wins.
 */
final class Envelope {
  /** Reads one value of a stream that goes on (the end of the body is checked separately). */
  private static final ObjectReader SUBTREE =
      Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final byte[] body;
  private final JsonNode root;
  private final long oldStart;
  private final long oldEnd;

  private Envelope(byte[] body, JsonNode root, long oldStart, long oldEnd) {
    this.body = body;
    this.root = root;
    this.oldStart = oldStart;
    this.oldEnd = oldEnd;
  }

  /** Reads {@code body}; throws Jackson's exception for malformed JSON. */
  static Envelope read(byte[] body) {
    try (JsonParser parser = Json.MAPPER.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new BadReviewException("request body is empty; expected an AdmissionReview");
      }
      if (first != JsonToken.START_OBJECT) {
        // Not an object: the tree parse reports the shape (and any syntax error) as before.
        return new Envelope(body, Json.MAPPER.readTree(body), -1, -1);
      }
      ObjectNode root = Json.MAPPER.createObjectNode();
      long[] old = {-1, -1};
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = parser.currentName();
        if (parser.nextToken() == JsonToken.START_OBJECT && field.equals("request")) {
          old[0] = -1;
          root.set(field, request(parser, old));
        } else {
          root.set(field, SUBTREE.readTree(parser));
        }
      }
      if (parser.nextToken() != null) {
        throw new BadReviewException(
            "request body is not valid JSON: trailing content after the AdmissionReview");
      }
      return new Envelope(body, root, old[0], old[1]);
    }
  }

  /** Reads the {@code request} object; the parser is at its START_OBJECT. */
  private static ObjectNode request(JsonParser parser, long[] old) {
    ObjectNode request = Json.MAPPER.createObjectNode();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("oldObject") && value == JsonToken.START_OBJECT) {
        old[0] = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        old[1] = parser.currentLocation().getByteOffset();
        request.remove(field);
      } else {
        if (field.equals("oldObject")) old[0] = -1;
        request.set(field, SUBTREE.readTree(parser));
      }
    }
    return request;
  }

  /** Validates the envelope into a review. */
  Review review() {
    if (oldStart < 0 || !root.path("request").isObject()) {
      return AdmissionReviewParser.fromTree(root);
    }
    Optional<Supplier<ObjectNode>> lazy = Optional.of(this::oldObject);
    AdmissionReviewParser.checkEnvelope(root);
    return AdmissionReviewParser.request(root.get("request"), lazy);
  }

  private ObjectNode oldObject() {
    return (ObjectNode) Json.MAPPER.readTree(body, (int) oldStart, (int) (oldEnd - oldStart));
  }
}
