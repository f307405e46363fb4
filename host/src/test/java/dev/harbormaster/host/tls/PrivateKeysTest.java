package dev.harbormaster.host.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.Pem;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import org.junit.jupiter.api.Test;

class PrivateKeysTest {
  private static final Path FILE = Path.of("/etc/tls/tls.key");
  private static final KeyPair RSA = KeyType.RSA_2048.generate();
  private static final KeyPair EC = KeyType.EC_P256.generate();

  @Test
  void readsPkcs1Rsa() {
    PrivateKey key = read(Pem.privateKey(RSA, KeyEncoding.PKCS1));

    assertThat(key.getAlgorithm()).isEqualTo("RSA");
    assertThat(scalar(key)).isEqualTo(scalar(RSA.getPrivate()));
  }

  @Test
  void readsPkcs8Rsa() {
    PrivateKey key = read(Pem.privateKey(RSA, KeyEncoding.PKCS8));

    assertThat(scalar(key)).isEqualTo(scalar(RSA.getPrivate()));
  }

  @Test
  void readsSec1Ec() {
    PrivateKey key = read(Pem.privateKey(EC, KeyEncoding.SEC1));

    assertThat(key.getAlgorithm()).isEqualTo("EC");
    assertThat(scalar(key)).isEqualTo(scalar(EC.getPrivate()));
  }

  @Test
  void readsSec1Ec_afterAnEcParametersBlock_asOpensslEcparamWritesIt() {
    String pem =
        "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
            + Pem.privateKey(EC, KeyEncoding.SEC1);

    assertThat(scalar(read(pem))).isEqualTo(scalar(EC.getPrivate()));
  }

  @Test
  void readsPkcs8Ec() {
    PrivateKey key = read(Pem.privateKey(EC, KeyEncoding.PKCS8));

    assertThat(scalar(key)).isEqualTo(scalar(EC.getPrivate()));
  }

  @Test
  void readsPkcs8Ed25519() throws Exception {
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

    PrivateKey key = read(Pem.block("PRIVATE KEY", ed.getPrivate().getEncoded()));

    assertThat(key.getEncoded()).isEqualTo(ed.getPrivate().getEncoded());
  }

  @Test
  void encryptedPkcs8_isRefusedWithAHint() {
    String pem = Pem.encryptedPrivateKey(EC.getPrivate(), "secret".toCharArray());

    assertThatThrownBy(() -> read(pem))
        .isInstanceOf(TlsMaterialException.class)
        .hasMessageStartingWith("/etc/tls/tls.key: encrypted keys are not supported, ");
  }

  @Test
  void legacyOpensslEncryptedRsa_isRefused() {
    String pem =
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
            + "DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nAQID\n"
            + "-----END RSA PRIVATE KEY-----\n";

    assertThatThrownBy(() -> read(pem)).hasMessageContaining("encrypted keys are not supported");
  }

  @Test
  void dsaKey_isAnUnsupportedKeyType() throws Exception {
    KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
    dsa.initialize(2048);

    String pem = Pem.block("PRIVATE KEY", dsa.generateKeyPair().getPrivate().getEncoded());

    assertThatThrownBy(() -> read(pem))
        .hasMessage(
            "/etc/tls/tls.key: unsupported key type (algorithm OID 1.2.840.10040.4.1); supported:"
                + " RSA, EC, Ed25519");
  }

  @Test
  void fileWithoutKey_listsWhatItFound() {
    assertThatThrownBy(() -> read("-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----\n"))
        .hasMessage(
            "/etc/tls/tls.key: no private key found (expected a PEM block 'PRIVATE KEY', 'RSA"
                + " PRIVATE KEY' or 'EC PRIVATE KEY'; found ['CERTIFICATE'])");
  }

  @Test
  void twoKeys_areRefused() {
    String pem = Pem.privateKey(EC, KeyEncoding.SEC1) + Pem.privateKey(RSA, KeyEncoding.PKCS1);

    assertThatThrownBy(() -> read(pem)).hasMessageContaining("2 private keys found");
  }

  @Test
  void sec1WithoutCurve_isRefused() throws Exception {
    var sec1 =
        new org.bouncycastle.asn1.sec.ECPrivateKey(256, ((ECPrivateKey) EC.getPrivate()).getS());

    assertThatThrownBy(() -> read(Pem.block("EC PRIVATE KEY", sec1.getEncoded())))
        .hasMessageContaining("the EC private key does not name its curve");
  }

  @Test
  void garbageInsideAKeyBlock_isAMalformedKey() {
    String pem = Pem.block("PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01});

    assertThatThrownBy(() -> read(pem))
        .hasMessageContaining("PEM block 'PRIVATE KEY' at line 1 is not a well-formed key");
  }

  private static PrivateKey read(String pem) {
    return PrivateKeys.read(FILE, PemReader.read(FILE, pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static BigInteger scalar(PrivateKey key) {
    return switch (key) {
      case ECPrivateKey ec -> ec.getS();
      case RSAPrivateKey rsa -> rsa.getPrivateExponent();
      default -> throw new IllegalArgumentException(key.getAlgorithm());
    };
  }
}
