package dev.harbormaster.oci.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.PermanentRegistryException;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.testkit.pki.IssuedCertificate;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private CA's PEM bundle makes its registries trusted. The TLS server is MockWebServer with a
 * test-CA certificate because the test kit starts docker-registry over plain HTTP only; what is
 * tested is our trust configuration, not registry behaviour.
 */
class CaBundleTrustTest {
  private final TestPki pki = TestPki.create(KeyType.EC_P256);
  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void startTls() throws Exception {
    server.useHttps(serverContext(pki.server()).getSocketFactory());
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void trustsARegistryWhoseCaIsInTheBundle(@TempDir Path dir) throws Exception {
    Path bundle = Files.writeString(dir.resolve("ca.pem"), pki.ca().certificatePem());
    server.enqueue(new MockResponse.Builder().code(200).build());
    String host = "127.0.0.1:" + server.getPort();

    RegistryClient client = RegistryClient.builder().allowHosts(host).caBundle(bundle).build();

    assertThat(client.ping(host)).isTrue();
    assertThat(server.takeRequest().getHandshake()).isNotNull();
  }

  @Test
  void rejectsTheSameRegistryWithoutTheBundle() {
    server.enqueue(new MockResponse.Builder().code(200).build());
    String host = "127.0.0.1:" + server.getPort();
    RegistryClient client = RegistryClient.builder().allowHosts(host).build();

    assertThatThrownBy(() -> client.headManifest(ImageReference.parse(host + "/a:b")))
        .isInstanceOf(PermanentRegistryException.class)
        .hasMessageContaining("TLS certificate not trusted (configure a CA bundle?)")
        .cause()
        .isInstanceOf(SSLHandshakeException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void unreadableBundle_isAClearConfigurationError(@TempDir Path dir) throws Exception {
    Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");

    assertThatThrownBy(() -> RegistryClient.builder().caBundle(notPem).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("CA bundle " + notPem);
  }

  private static SSLContext serverContext(IssuedCertificate cert) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    List<Certificate> chain = new ArrayList<>();
    chain.add(cert.certificate());
    chain.addAll(cert.issuers());
    ks.setKeyEntry(
        "server", cert.keyPair().getPrivate(), new char[0], chain.toArray(Certificate[]::new));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, new char[0]);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }
}
