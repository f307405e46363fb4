package dev.harbormaster.host.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestPki;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ServedCertificateTest {
  @Test
  void summarisesTheLeaf_withItsSha256Fingerprint() throws Exception {
    var leaf = TestPki.create(KeyType.EC_P256).server().certificate();

    ServedCertificate served = ServedCertificate.of(leaf);

    assertThat(served.serial()).isEqualTo(leaf.getSerialNumber().toString(16));
    assertThat(served.subject()).contains("CN=localhost");
    assertThat(served.notAfter()).isEqualTo(leaf.getNotAfter().toInstant());
    assertThat(served.sha256())
        .isEqualTo(
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded())));
  }
}
