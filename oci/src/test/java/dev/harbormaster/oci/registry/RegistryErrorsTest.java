package dev.harbormaster.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.reference.ImageReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Status and OCI error code → exception type. MockWebServer because docker-registry does not answer
 * these on demand (DENIED without auth, 429, 5xx, UNSUPPORTED).
 */
class RegistryErrorsTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "404, MANIFEST_UNKNOWN, NotFoundException",
    "404, '', NotFoundException",
    "400, NAME_UNKNOWN, NotFoundException",
    "403, DENIED, AuthenticationException",
    "400, NAME_INVALID, PermanentRegistryException",
    "405, UNSUPPORTED, PermanentRegistryException",
    "429, TOOMANYREQUESTS, TransientRegistryException",
    "503, '', TransientRegistryException",
  })
  void mapsStatusAndCode_toTypedException(int status, String code, String type) {
    for (int i = 0; i < 2; i++) { // the client makes 2 attempts for retryable statuses
      MockResponse.Builder r = new MockResponse.Builder().code(status);
      if (!code.isEmpty()) {
        r.setHeader("Content-Type", "application/json")
            .body("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"m\",\"detail\":{}}]}");
      }
      server.enqueue(r.build());
    }
    ImageReference ref = ImageReference.parse(FakeRegistry.host(server) + "/a/b:v1");

    assertThatThrownBy(() -> FakeRegistry.client(server).getManifest(ref))
        .satisfies(
            e -> {
              assertThat(e.getClass().getSimpleName()).isEqualTo(type);
              RegistryException re = (RegistryException) e;
              assertThat(re.status()).isEqualTo(status);
              assertThat(re.hasCode(code)).isEqualTo(!code.isEmpty());
              assertThat(e.getMessage())
                  .startsWith("GET manifest " + ref)
                  .contains("HTTP " + status);
            });
  }
}
