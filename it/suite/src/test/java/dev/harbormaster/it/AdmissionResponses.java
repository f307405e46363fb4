package dev.harbormaster.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an AdmissionReview v1 response into the form the golden files use: the {@code response}
 * object with its {@code patch} base64-decoded into the JSON Patch it carries, {@code patchType}
 * checked and dropped, and empty {@code warnings} / {@code auditAnnotations} dropped (absent and
 * empty mean the same to the API server).
 */
final class AdmissionResponses {
  private AdmissionResponses() {}

  static ObjectNode decode(HttpResponse<String> http, boolean sortWarnings) {
    assertThat(http.statusCode()).as("HTTP status; body: %s", http.body()).isEqualTo(200);
    assertThat(http.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode review = Resources.JSON.readTree(http.body());
    assertThat(review.path("apiVersion").asString()).isEqualTo("admission.k8s.io/v1");
    assertThat(review.path("kind").asString()).isEqualTo("AdmissionReview");
    ObjectNode response = (ObjectNode) review.required("response").deepCopy();
    if (response.has("patch")) {
      assertThat(response.path("patchType").asString()).isEqualTo("JSONPatch");
      byte[] patch = Base64.getDecoder().decode(response.path("patch").asString());
      response.set("patch", Resources.JSON.readTree(patch));
    } else {
      assertThat(response.has("patchType")).as("patchType without patch").isFalse();
    }
    response.remove("patchType");
    if (response.path("warnings").isEmpty()) {
      response.remove("warnings");
    } else if (sortWarnings) {
      response.set("warnings", sorted((ArrayNode) response.get("warnings")));
    }
    if (response.path("auditAnnotations").isEmpty()) {
      response.remove("auditAnnotations");
    }
    return response;
  }

  static ArrayNode sorted(ArrayNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    items.sort(Comparator.comparing(JsonNode::asString));
    ArrayNode copy = array.arrayNode();
    items.forEach(copy::add);
    return copy;
  }
}
