package dev.harbormaster.host.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.review.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SecretRedactorTest {
  @Test
  void secretDataAndStringData_areRedacted_inACopy() {
    JsonNode review = Json.MAPPER.readTree(Fixtures.bytes("reviews/secret-create.json"));

    JsonNode redacted = SecretRedactor.redact(review);

    assertThat(redacted.at("/request/object/data/password").asString()).isEqualTo("<redacted>");
    assertThat(redacted.at("/request/object/stringData/user").asString()).isEqualTo("<redacted>");
    assertThat(redacted.toString()).doesNotContain("aHVudGVyMg==").doesNotContain("admin");
    assertThat(review.at("/request/object/data/password").asString()).isEqualTo("aHVudGVyMg==");
  }

  @Test
  void otherKinds_areLeftAlone() {
    JsonNode review = Json.MAPPER.readTree(Fixtures.bytes("reviews/pod-create.json"));

    assertThat(SecretRedactor.redact(review)).isEqualTo(review);
  }
}
