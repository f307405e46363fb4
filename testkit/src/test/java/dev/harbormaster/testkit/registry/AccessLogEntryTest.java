package dev.harbormaster.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogEntryTest {

  @Test
  void parsesTheCombinedFormat_ofDockerRegistryAndNginx() {
    String registry =
        "127.0.0.1 - - [22/Nov/2026:12:49:23 +0000] \"HEAD /v2/foo/manifests/x HTTP/1.1\" 404 91"
            + " \"\" \"curl/7.88.1\"";
    String nginx =
        "127.0.0.1 - - [22/Nov/2026:12:49:23 +0000] \"GET /v2/p/app/tags/list?n=2 HTTP/1.1\" 200 -"
            + " \"-\" \"Java-http-client/21\"";

    assertThat(AccessLogEntry.parse(registry))
        .contains(new AccessLogEntry("HEAD", "/v2/foo/manifests/x", 404, 91, "curl/7.88.1"));
    AccessLogEntry entry = AccessLogEntry.parse(nginx).orElseThrow();
    assertThat(entry.path()).isEqualTo("/v2/p/app/tags/list");
    assertThat(entry.bytes()).isZero();
    assertThat(entry.matches("GET", "/v2/p/.*/tags/list")).isTrue();
  }

  @Test
  void ignoresLinesThatAreNotAccessEntries() {
    assertThat(AccessLogEntry.parse("time=\"2026\" level=info msg=\"listening\"")).isEmpty();
  }
}
