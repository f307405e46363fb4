package dev.harbormaster.bench.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerPatchTest {
  private static byte[] answer(String patch) {
    String encoded = Base64.getEncoder().encodeToString(patch.getBytes(StandardCharsets.UTF_8));
    return ("""
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","response":{"uid":"u",\
        "allowed":true,"patchType":"JSONPatch","patch":"%s"}}"""
            .formatted(encoded))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static final String PATCH =
      """
      [{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"m.example/hub/a:1"},
       {"op":"add","path":"/metadata/annotations","value":{"k":"v"}},
       {"op":"remove","path":"/spec/x"},
       {"op":"add","path":"/spec/template/metadata/annotations/o","value":"{}"}]""";

  @Test
  void stringValues_decodesTheBase64Patch_keepingAddAndReplaceOfStrings() {
    assertThat(AnswerPatch.stringValues(answer(PATCH)))
        .containsExactly(
            Map.entry("/spec/template/spec/containers/0/image", "m.example/hub/a:1"),
            Map.entry("/spec/template/metadata/annotations/o", "{}"));
  }

  @Test
  void requireValues_namesThePathWhoseValueDiffers() {
    byte[] answer = answer(PATCH);

    AnswerPatch.requireValues(
        answer, Map.of("/spec/template/spec/containers/0/image", "m.example/hub/a:1"));
    assertThatThrownBy(
            () ->
                AnswerPatch.requireValues(
                    answer, Map.of("/spec/template/spec/containers/1/image", "m.example/hub/b:2")))
        .hasMessageContaining(
            "does not set /spec/template/spec/containers/1/image to m.example/hub/b:2");
  }

  @Test
  void anAnswerWithoutPatch_isNotAMutation() {
    byte[] allowedOnly =
        "{\"response\":{\"uid\":\"u\",\"allowed\":true}}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> AnswerPatch.stringValues(allowedOnly))
        .hasMessageContaining("did not mutate")
        .hasMessageContaining("\"allowed\":true");
  }
}
