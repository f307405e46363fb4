package dev.harbormaster.host.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.TestConfigs;
import dev.harbormaster.host.plugins.PluginCatalog;
import dev.harbormaster.host.plugins.testplugin.GreetingPlugin;
import dev.harbormaster.host.runtime.HostServer;
import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host over HTTPS with PEM files from a test CA (the connector wiring; TLS details are tested
 * in host.tls).
 */
class TlsServingTest {
  @TempDir Path dir;

  @Test
  void servesReviewsOverHttps_withTheConfiguredPemFiles() throws Exception {
    TestPki pki = TestPki.create(KeyType.EC_P256);
    pki.writeServerFiles(dir.resolve("tls"), KeyEncoding.PKCS8);
    HostServer server =
        HostServer.start(
            TestConfigs.parse(
                dir,
                """
                server: {address: 127.0.0.1, port: 0, tls: {certFile: tls/tls.crt, keyFile: tls/tls.key}}
                instances: [{name: hello, plugin: greeting, scope: validating, config: {greeting: hi}}]
                """),
            PluginCatalog.of(Map.of("greeting", new GreetingPlugin())));
    try {
      assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
      HttpClient client = HttpClient.newBuilder().sslContext(pki.clientSslContext()).build();

      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/validate?timeout=10s"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          Fixtures.bytes("reviews/pod-create.json")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"allowed\":true");
      assertThatThrownBy(
              () ->
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(URI.create(server.baseUrl() + "/healthz")).build(),
                          HttpResponse.BodyHandlers.ofString()))
          .as("a client that does not trust the test CA is refused")
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    } finally {
      server.shutdown();
    }
  }
}
