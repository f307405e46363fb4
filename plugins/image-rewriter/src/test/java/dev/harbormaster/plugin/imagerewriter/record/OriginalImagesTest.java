package dev.harbormaster.plugin.imagerewriter.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.workload.PodTemplate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OriginalImagesTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static PodTemplate pod(String annotationsJson) {
    ObjectNode pod =
        (ObjectNode)
            MAPPER.readTree("{\"metadata\":{\"annotations\":" + annotationsJson + "},\"spec\":{}}");
    return PodTemplate.find("Pod", pod).orElseThrow();
  }

  @Test
  void toJson_isCompactWithSortedKeys() {
    OriginalImages record = OriginalImages.empty();
    record.put("web", "nginx");
    record.put("app", "ghcr.io/acme/app:2");
    record.put("init", "busybox:1.36");

    assertThat(record.toJson())
        .isEqualTo("{\"app\":\"ghcr.io/acme/app:2\",\"init\":\"busybox:1.36\",\"web\":\"nginx\"}");
  }

  @Test
  void read_mergesWithTheExistingRecord_keepingOtherEntries() {
    PodTemplate template =
        pod("{\"harbormaster.dev/original-images\":\"{\\\"web\\\":\\\"nginx:1.27\\\"}\"}");
    OriginalImages record = OriginalImages.read(template).orElseThrow();

    record.put("debugger", "busybox:1.36");
    record.writeTo(template);

    assertThat(template.annotations())
        .containsEntry(
            OriginalImages.ANNOTATION, "{\"debugger\":\"busybox:1.36\",\"web\":\"nginx:1.27\"}");
  }

  @Test
  void malformedRecord_readsAsEmpty() {
    assertThat(OriginalImages.read(pod("{\"harbormaster.dev/original-images\":\"not json\"}")))
        .isEmpty();
    assertThat(OriginalImages.read(pod("{\"harbormaster.dev/original-images\":\"[1]\"}")))
        .isEmpty();
    assertThat(OriginalImages.read(pod("{\"harbormaster.dev/original-images\":\"{\\\"a\\\":1}\"}")))
        .isEmpty();
    assertThat(OriginalImages.read(pod("{}")).orElseThrow().entries()).isEmpty();
  }

  @Test
  void writeTo_leavesAnUnchangedRecordAlone() {
    String json = "{\"web\":\"nginx\"}";
    PodTemplate template =
        pod("{\"harbormaster.dev/original-images\":" + MAPPER.writeValueAsString(json) + "}");

    OriginalImages.read(template).orElseThrow().writeTo(template);

    assertThat(template.annotations()).containsEntry(OriginalImages.ANNOTATION, json);
  }
}
