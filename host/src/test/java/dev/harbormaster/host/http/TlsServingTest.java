package dev.harbormaster.host.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.TestConfigs;
import dev.harbormaster.host.plugins.PluginCatalog;
import dev.harbormaster.host.plugins.testplugin.GreetingPlugin;
import dev.harbormaster.host.runtime.HostServer;
import dev.harbormaster.testkit.pki.IssuedCertificate;
import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.SecretVolume;
import dev.harbormaster.testkit.pki.TestPki;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host over HTTPS with PEM files from a test CA (the connector wiring; TLS details are tested
 * in host.tls).
 */
class TlsServingTest {
  @TempDir Path dir;

  @Test
  void withAClientCa_reviewsNeedAClientCertificate_whileProbesAndMetricsDoNot() throws Exception {
    TestPki pki = TestPki.create(KeyType.EC_P256);
    pki.writeServerFiles(dir.resolve("tls"), KeyEncoding.PKCS8);
    java.nio.file.Files.writeString(dir.resolve("tls/client-ca.crt"), pki.server().caPem());
    HostServer server =
        HostServer.start(
            TestConfigs.parse(
                dir,
                """
                server:
                  address: 127.0.0.1
                  port: 0
                  tls: {certFile: tls/tls.crt, keyFile: tls/tls.key, clientCaFile: tls/client-ca.crt}
                instances: [{name: hello, plugin: greeting, scope: validating, config: {greeting: hi}}]
                """),
            PluginCatalog.of(Map.of("greeting", new GreetingPlugin())));
    try {
      HttpClient withCert =
          HttpClient.newBuilder()
              .sslContext(pki.clientSslContext(pki.client("kube-apiserver")))
              .build();
      HttpClient without = HttpClient.newBuilder().sslContext(pki.clientSslContext()).build();
      TestPki stranger = TestPki.create(KeyType.EC_P256);
      HttpClient foreignCert =
          HttpClient.newBuilder()
              .sslContext(testkitTrusting(pki, stranger.client("intruder")))
              .build();

      assertThat(postReview(withCert, server).statusCode()).isEqualTo(200);
      HttpResponse<String> refused = postReview(without, server);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("client certificate").contains("clientCaFile");
      assertThat(get(without, server, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(without, server, "/metrics").statusCode()).isEqualTo(200);
      // Another CA's certificate fails the handshake, or the client (offered only our CA) sends
      // none and the review is refused: never a review answered.
      int foreign;
      try {
        foreign = postReview(foreignCert, server).statusCode();
      } catch (java.io.IOException handshakeRefused) {
        foreign = -1;
      }
      assertThat(foreign).as("a certificate from another CA").isIn(-1, 403);
    } finally {
      server.shutdown();
    }
  }

  private static javax.net.ssl.SSLContext testkitTrusting(
      TestPki serverPki, dev.harbormaster.testkit.pki.IssuedCertificate clientCertificate) {
    return dev.harbormaster.testkit.pki.ClientSslContexts.trusting(
        java.util.List.of(serverPki.server().rootCertificate()), clientCertificate);
  }

  private static HttpResponse<String> postReview(HttpClient client, HostServer server)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/validate?timeout=10s"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("reviews/pod-create.json")))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(HttpClient client, HostServer server, String path)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

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

  @Test
  void replacingTheSecretVolumesFiles_changesTheServedCertificate_withoutARestart()
      throws Exception {
    TestPki pki = TestPki.create(KeyType.EC_P256);
    SecretVolume volume =
        SecretVolume.create(dir.resolve("secret"), pki.server().secretData(KeyEncoding.SEC1));
    HostServer server =
        HostServer.start(
            TestConfigs.parse(
                dir,
                """
                server: {address: 127.0.0.1, port: 0, tls: {certFile: secret/tls.crt, keyFile: secret/tls.key}}
                instances: []
                """),
            PluginCatalog.of(Map.of()));
    try {
      assertThat(servedSerial(server, pki)).isEqualTo(pki.server().serial());
      IssuedCertificate renewed = pki.ca().issueServer(KeyType.RSA_2048, TestPki.loopbackNames());

      volume.update(renewed.secretData(KeyEncoding.PKCS1));

      // The files are polled; wait (bounded) for the new certificate to be served.
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      BigInteger served = servedSerial(server, pki);
      while (!served.equals(renewed.serial()) && System.nanoTime() < until) {
        Thread.sleep(200);
        served = servedSerial(server, pki);
      }
      assertThat(served).isEqualTo(renewed.serial());
    } finally {
      server.shutdown();
    }
  }

  private static BigInteger servedSerial(HostServer server, TestPki pki) throws Exception {
    // A new client per call: no pooled connection, so every call does a fresh handshake.
    HttpClient client = HttpClient.newBuilder().sslContext(pki.clientSslContext()).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/healthz")).build(),
            HttpResponse.BodyHandlers.ofString());
    X509Certificate leaf =
        (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    client.close();
    return leaf.getSerialNumber();
  }
}
