package dev.harbormaster.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestCertificateAuthorityTest {
  private static final TestCertificateAuthority CA =
      TestCertificateAuthority.create("Test CA", KeyType.EC_P256);

  @Test
  void serverCertificate_carriesDnsAndIpSans_andValidatesAgainstTheCa() throws Exception {
    IssuedCertificate server = CA.issueServer(KeyType.RSA_2048, "localhost", "127.0.0.1", "::1");

    assertThat(server.certificate().getSubjectAlternativeNames())
        .containsExactly(
            List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
    assertThat(server.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(server.certificate().getBasicConstraints()).isEqualTo(-1);
    assertThat(server.keyPair().getPublic().getAlgorithm()).isEqualTo("RSA");
    validate(server.certificate());
  }

  @Test
  void clientCertificate_isForClientAuth_withAnEcKey() throws Exception {
    IssuedCertificate client = CA.issueClient("harbormaster-client", KeyType.EC_P256);

    assertThat(client.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(client.certificate().getSubjectX500Principal().getName())
        .contains("CN=harbormaster-client");
    assertThat(client.keyPair().getPublic().getAlgorithm()).isEqualTo("EC");
    validate(client.certificate());
  }

  @Test
  void ed25519Certificate_isIssuedAndWrittenAsPkcs8() throws Exception {
    IssuedCertificate server = CA.issueServer(KeyType.ED25519, "localhost");

    assertThat(server.certificate().getPublicKey().getAlgorithm()).isIn("EdDSA", "Ed25519");
    assertThat(server.keyPem(KeyEncoding.PKCS8)).startsWith("-----BEGIN PRIVATE KEY-----");
    validate(server.certificate());
  }

  @Test
  void caCertificate_isASelfSignedCa() throws Exception {
    X509Certificate ca = CA.certificate();

    assertThat(ca.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    ca.verify(ca.getPublicKey());
  }

  @Test
  void eachIssuedCertificate_hasItsOwnSerialAndKey() {
    IssuedCertificate first = CA.issueServer(KeyType.EC_P256, "localhost");
    IssuedCertificate second = CA.issueServer(KeyType.EC_P256, "localhost");

    assertThat(first.serial()).isNotEqualTo(second.serial());
    assertThat(first.keyPair().getPublic()).isNotEqualTo(second.keyPair().getPublic());
  }

  @Test
  void validityCanBeInThePast_forExpiredCertificateTests() {
    Instant now = Instant.now();
    IssuedCertificate expired =
        CA.issue(
            CertificateSpec.server("old", KeyType.EC_P256, "localhost")
                .withValidity(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))));

    assertThatThrownBy(() -> expired.certificate().checkValidity())
        .isInstanceOf(CertificateExpiredException.class);
  }

  @Test
  void chain_isLeafFirstThenCa() {
    IssuedCertificate server = CA.issueServer(KeyType.EC_P256, "localhost");

    assertThat(server.chain()).containsExactly(server.certificate(), CA.certificate());
    assertThat(server.rootCertificate()).isEqualTo(CA.certificate());
  }

  private static void validate(X509Certificate leaf) throws Exception {
    var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf));
    var parameters = new PKIXParameters(Set.of(new TrustAnchor(CA.certificate(), null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX").validate(path, parameters);
  }
}
