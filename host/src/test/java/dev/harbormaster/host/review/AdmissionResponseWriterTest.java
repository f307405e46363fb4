package dev.harbormaster.host.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

class AdmissionResponseWriterTest {

  @Test
  void allowWithPatch_isBase64JsonPatch_withUidEchoed() {
    ArrayNode patch =
        (ArrayNode)
            Json.MAPPER.readTree(
                "[{\"op\":\"add\",\"path\":\"/metadata/labels/a~1b\",\"value\":\"c\"}]");
    AdmissionResponse response =
        new AdmissionResponse(
            "uid-1", true, Optional.empty(), Optional.of(patch), List.of("w1"), Map.of("x/k", "v"));

    JsonNode tree = Json.MAPPER.readTree(AdmissionResponseWriter.write(response));

    assertThat(tree.path("apiVersion").asString()).isEqualTo("admission.k8s.io/v1");
    assertThat(tree.path("kind").asString()).isEqualTo("AdmissionReview");
    JsonNode r = tree.path("response");
    assertThat(r.path("uid").asString()).isEqualTo("uid-1");
    assertThat(r.path("allowed").asBoolean()).isTrue();
    assertThat(r.path("patchType").asString()).isEqualTo("JSONPatch");
    String decoded =
        new String(Base64.getDecoder().decode(r.path("patch").asString()), StandardCharsets.UTF_8);
    assertThat(Json.MAPPER.readTree(decoded)).isEqualTo(patch);
    assertThat(r.path("warnings").get(0).asString()).isEqualTo("w1");
    assertThat(r.path("auditAnnotations").path("x/k").asString()).isEqualTo("v");
    assertThat(r.has("status")).isFalse();
  }

  @Test
  void deny_hasStatus_andNoPatch() {
    AdmissionResponse response =
        new AdmissionResponse(
            "uid-2",
            false,
            Optional.of(new AdmissionResponse.Status(403, "no latest")),
            Optional.empty(),
            List.of(),
            Map.of());

    JsonNode r = Json.MAPPER.readTree(AdmissionResponseWriter.write(response)).path("response");

    assertThat(r.path("allowed").asBoolean()).isFalse();
    assertThat(r.path("status").path("code").asInt()).isEqualTo(403);
    assertThat(r.path("status").path("message").asString()).isEqualTo("no latest");
    assertThat(r.has("patch")).isFalse();
    assertThat(r.has("patchType")).isFalse();
    assertThat(r.has("warnings")).isFalse();
  }

  @Test
  void emptyPatch_isLeftOut() {
    AdmissionResponse response =
        new AdmissionResponse(
            "u",
            true,
            Optional.empty(),
            Optional.of(Json.MAPPER.createArrayNode()),
            List.of(),
            Map.of());

    assertThat(AdmissionResponseWriter.toTree(response).path("response").has("patch")).isFalse();
  }
}
