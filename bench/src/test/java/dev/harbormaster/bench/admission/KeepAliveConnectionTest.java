package dev.harbormaster.bench.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestPki;
import dev.harbormaster.testkit.pki.TlsFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real Jetty of {@link BareEndpoint}, over TLS with a test CA. */
class KeepAliveConnectionTest {
  @TempDir Path dir;

  @Test
  void postsRepeatedlyOverOneConnection_andReadsEachAnswer() throws IOException {
    TestPki pki = TestPki.create(KeyType.EC_P256);
    TlsFiles tls = pki.writeServerFiles(dir, KeyEncoding.PKCS8);
    byte[] answer = "{\"fixed\":true}".getBytes(StandardCharsets.UTF_8);
    try (BareEndpoint bare = BareEndpoint.start(tls.certFile(), tls.keyFile(), answer, false)) {
      URI mutate = URI.create("https://127.0.0.1:" + bare.port() + "/mutate");
      URI missing = URI.create("https://127.0.0.1:" + bare.port() + "/nothing");
      SSLSocketFactory factory = pki.clientSslContext().getSocketFactory();
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

      try (KeepAliveConnection connection = new KeepAliveConnection(factory, mutate, 5000)) {
        assertThat(connection.exchange(KeepAliveConnection.postRequest(mutate, body)))
            .isEqualTo(200);
        assertThat(connection.exchange(KeepAliveConnection.postRequest(mutate, body)))
            .isEqualTo(200);
        assertThat(connection.exchange(KeepAliveConnection.postRequest(missing, body)))
            .isEqualTo(404);
      }
    }
  }

  @Test
  void failsWithAnIOException_whenNobodyListens() {
    TestPki pki = TestPki.create(KeyType.EC_P256);
    URI closed = URI.create("https://127.0.0.1:1/mutate");
    KeepAliveConnection connection =
        new KeepAliveConnection(pki.clientSslContext().getSocketFactory(), closed, 1000);

    assertThatThrownBy(
            () -> connection.exchange(KeepAliveConnection.postRequest(closed, new byte[0])))
        .isInstanceOf(IOException.class);
  }
}
