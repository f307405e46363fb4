package dev.harbormaster.host.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The handler's HTTP behaviour is exercised over real HTTP in {@link AdmissionServerTest}. */
class ReviewHandlerTest {
  @Test
  void acceptsApplicationJson_withParameters_caseInsensitively() {
    assertThat(ReviewHandler.isJson("application/json")).isTrue();
    assertThat(ReviewHandler.isJson("application/json; charset=utf-8")).isTrue();
    assertThat(ReviewHandler.isJson("Application/JSON")).isTrue();
  }

  @Test
  void refusesOtherOrMissingContentTypes() {
    assertThat(ReviewHandler.isJson(null)).isFalse();
    assertThat(ReviewHandler.isJson("text/plain")).isFalse();
    assertThat(ReviewHandler.isJson("application/json-patch+json")).isFalse();
    assertThat(ReviewHandler.isJson("application/yaml")).isFalse();
  }
}
