package dev.harbormaster.host.observability;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Redacts Secret payloads ({@code data} and {@code stringData} values) from an AdmissionReview tree
 * before it is logged.
 */
public final class SecretRedactor {
  /** What replaces each secret value. */
  public static final String REDACTED = "<redacted>";

  private SecretRedactor() {}

  /**
   * A copy of {@code review} with the values of Secret {@code data}/{@code stringData} replaced.
   */
  public static JsonNode redact(JsonNode review) {
    JsonNode copy = review.deepCopy();
    JsonNode request = copy.path("request");
    for (String field : new String[] {"object", "oldObject"}) {
      JsonNode object = request.path(field);
      if (object instanceof ObjectNode o && isSecret(request, o)) {
        redactValues(o.get("data"));
        redactValues(o.get("stringData"));
      }
    }
    return copy;
  }

  private static boolean isSecret(JsonNode request, ObjectNode object) {
    return "Secret".equals(object.path("kind").asString(""))
        || "Secret".equals(request.path("kind").path("kind").asString(""));
  }

  private static void redactValues(JsonNode node) {
    if (node instanceof ObjectNode map) {
      for (Map.Entry<String, JsonNode> e : map.properties()) {
        e.setValue(map.stringNode(REDACTED));
      }
    }
  }
}
