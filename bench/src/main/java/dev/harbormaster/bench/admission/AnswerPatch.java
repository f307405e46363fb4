package dev.harbormaster.bench.admission;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON Patch of an AdmissionReview answer ({@code response.patch}, base64 of an RFC 6902
 * document), so the benchmark can check that a host really mutates before measuring it.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response">AdmissionReview
 *     response</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6902">RFC 6902</a>
 */
final class AnswerPatch {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AnswerPatch() {}

  /**
   * The patch's {@code add} and {@code replace} operations with a string value: path to value.
   *
   * @throws IllegalStateException with the answer when it is not an allowed answer with a patch
   */
  static Map<String, String> stringValues(byte[] answer) {
    JsonNode response = JSON.readTree(answer).path("response");
    if (!response.path("allowed").asBoolean(false) || !response.path("patch").isString()) {
      throw new IllegalStateException(
          "the host did not mutate the benchmark review: "
              + new String(answer, StandardCharsets.UTF_8));
    }
    JsonNode patch = JSON.readTree(Base64.getDecoder().decode(response.get("patch").asString()));
    Map<String, String> values = new LinkedHashMap<>();
    for (JsonNode op : patch) {
      String kind = op.path("op").asString("");
      if ((kind.equals("add") || kind.equals("replace")) && op.path("value").isString()) {
        values.put(op.path("path").asString(""), op.get("value").asString());
      }
    }
    return values;
  }

  /**
   * Checks that the answer's patch sets every path of {@code expected} to its value.
   *
   * @throws IllegalStateException naming the first path that is missing or has another value, with
   *     the patch's string values
   */
  static void requireValues(byte[] answer, Map<String, String> expected) {
    Map<String, String> actual = stringValues(answer);
    expected.forEach(
        (path, value) -> {
          if (!value.equals(actual.get(path))) {
            throw new IllegalStateException(
                "the answer's patch does not set " + path + " to " + value + "; it sets " + actual);
          }
        });
  }
}
