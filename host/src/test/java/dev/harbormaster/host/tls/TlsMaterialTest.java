package dev.harbormaster.host.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.harbormaster.testkit.pki.CertificateSpec;
import dev.harbormaster.testkit.pki.IssuedCertificate;
import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.Pem;
import dev.harbormaster.testkit.pki.TestPki;
import dev.harbormaster.testkit.pki.TlsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class TlsMaterialTest {
  private static final TestPki PKI = TestPki.create(KeyType.RSA_2048);
  @TempDir Path dir;

  @Test
  void loadsChainKeyAndClientCas() {
    TlsFiles files = PKI.writeServerFiles(dir, KeyEncoding.PKCS1);

    TlsMaterial material = load(files, true);

    assertThat(material.leaf()).isEqualTo(PKI.server().certificate());
    assertThat(material.chain()).hasSize(2);
    assertThat(material.clientCas()).containsExactly(PKI.ca().certificate());
    assertThat(material.trustStore()).isPresent();
  }

  @Test
  void withoutClientCaFile_hasNoTrustStore() {
    TlsMaterial material = load(PKI.writeServerFiles(dir, KeyEncoding.PKCS8), false);

    assertThat(material.clientCas()).isEmpty();
    assertThat(material.trustStore()).isEmpty();
  }

  @Test
  void keyOfAnotherCertificate_doesNotMatch() throws Exception {
    TlsFiles files = PKI.writeServerFiles(dir, KeyEncoding.PKCS1);
    IssuedCertificate other = PKI.ca().issueServer(KeyType.RSA_2048, "localhost");
    Files.writeString(files.keyFile(), other.keyPem(KeyEncoding.PKCS1));

    assertThatThrownBy(() -> load(files, false))
        .isInstanceOf(TlsMaterialException.class)
        .hasMessageStartingWith(
            files.keyFile().toAbsolutePath()
                + ": the RSA private key does not match the certificate in "
                + files.certFile().toAbsolutePath())
        .hasMessageContaining("serial " + PKI.server().serial().toString(16));
  }

  @Test
  void keyOfAnotherAlgorithm_doesNotMatch() throws Exception {
    TlsFiles files = PKI.writeServerFiles(dir, KeyEncoding.PKCS1);
    Files.writeString(
        files.keyFile(), Pem.privateKey(KeyType.EC_P256.generate(), KeyEncoding.SEC1));

    assertThatThrownBy(() -> load(files, false))
        .hasMessageContaining("the EC private key does not match")
        .hasMessageEndingWith("RSA key)");
  }

  @Test
  void chainWithTheLeafNotFirst_isExplained() throws Exception {
    TlsFiles files = PKI.writeServerFiles(dir, KeyEncoding.PKCS1);
    Files.writeString(
        files.certFile(),
        Pem.certificates(List.of(PKI.ca().certificate(), PKI.server().certificate())));

    assertThatThrownBy(() -> load(files, false))
        .hasMessageContaining("belongs to certificate #2")
        .hasMessageContaining("the leaf must come first");
  }

  @Test
  void expiredCertificate_loadsWithAWarning() {
    Instant now = Instant.now();
    IssuedCertificate expired =
        PKI.ca()
            .issue(
                CertificateSpec.server("expired", KeyType.EC_P256, "localhost")
                    .withValidity(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1))));
    TlsFiles files = TlsFiles.write(dir, expired, KeyEncoding.SEC1);
    Logger logger = (Logger) LoggerFactory.getLogger(TlsMaterial.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      TlsMaterial material = load(files, false);

      assertThat(material.leaf()).isEqualTo(expired.certificate());
      assertThat(appender.list)
          .anySatisfy(
              event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("expired at");
              });
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void keyStore_holdsKeyAndChain() throws Exception {
    TlsMaterial material = load(PKI.writeServerFiles(dir, KeyEncoding.PKCS8), false);

    var store = material.keyStore("pw".toCharArray());

    assertThat(store.getCertificateChain("server")).hasSize(2);
    assertThat(store.getKey("server", "pw".toCharArray())).isNotNull();
  }

  private static TlsMaterial load(TlsFiles files, boolean withClientCa) {
    return TlsMaterial.load(
        new TlsPaths(
            files.certFile(),
            files.keyFile(),
            withClientCa ? Optional.of(files.caFile()) : Optional.empty()),
        Clock.systemUTC());
  }
}
