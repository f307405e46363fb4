package dev.harbormaster.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ObjectMetadataTest {

  @Test
  void readsLabelsAndAnnotations_ignoringNonStrings() {
    ObjectNode object =
        Fixtures.json(
            "{\"metadata\":{\"labels\":{\"a\":\"1\",\"n\":2},\"annotations\":{\"x/y\":\"z\"}}}");

    assertThat(ObjectMetadata.labels(object)).containsExactly(java.util.Map.entry("a", "1"));
    assertThat(ObjectMetadata.label(object, "n")).isEmpty();
    assertThat(ObjectMetadata.annotation(object, "x/y")).contains("z");
    assertThat(ObjectMetadata.annotations(Fixtures.json("{}"))).isEmpty();
  }

  @Test
  void setAnnotation_createsMetadataAndAnnotationsWhenMissing() {
    ObjectNode object = Fixtures.json("{\"kind\":\"Pod\"}");

    ObjectMetadata.setAnnotation(object, "harbormaster.dev/x", "1");

    assertThat(object)
        .isEqualTo(
            Fixtures.json(
                "{\"kind\":\"Pod\",\"metadata\":{\"annotations\":{\"harbormaster.dev/x\":\"1\"}}}"));
  }

  @Test
  void setAnnotation_replacesNullAnnotations_andKeepsOthers() {
    ObjectNode object =
        Fixtures.json("{\"metadata\":{\"name\":\"p\",\"annotations\":null,\"labels\":{}}}");

    ObjectMetadata.setAnnotation(object, "k", "v");

    assertThat(object)
        .isEqualTo(
            Fixtures.json(
                "{\"metadata\":{\"name\":\"p\",\"annotations\":{\"k\":\"v\"},\"labels\":{}}}"));
  }

  @Test
  void setAnnotation_onMalformedAnnotations_namesTheField() {
    ObjectNode object = Fixtures.json("{\"metadata\":{\"annotations\":[1]}}");

    assertThatThrownBy(() -> ObjectMetadata.setAnnotation(object, "k", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata.annotations must be an object");
  }
}
