package dev.harbormaster.testkit.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;

/** Checks the PEM output with BouncyCastle's parser, an implementation independent of ours. */
class PemTest {
  private static final KeyPair RSA = KeyType.RSA_2048.generate();
  private static final KeyPair EC = KeyType.EC_P256.generate();

  @Test
  void pkcs1_isAnRsaPrivateKeyBlock_thatParsesBackToTheSameKey() throws Exception {
    String pem = Pem.privateKey(RSA, KeyEncoding.PKCS1);

    assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    Object parsed = new PEMParser(new StringReader(pem)).readObject();
    assertThat(parsed).isInstanceOf(PEMKeyPair.class);
    assertThat(new JcaPEMKeyConverter().getKeyPair((PEMKeyPair) parsed).getPrivate())
        .isEqualTo(RSA.getPrivate());
  }

  @Test
  void sec1_isAnEcPrivateKeyBlock_withNamedCurveAndPublicKey() throws Exception {
    String pem = Pem.privateKey(EC, KeyEncoding.SEC1);

    assertThat(pem).startsWith("-----BEGIN EC PRIVATE KEY-----\n");
    ECPrivateKey sec1 = ECPrivateKey.getInstance(der(pem));
    assertThat(sec1.getParametersObject())
        .isEqualTo(new ASN1ObjectIdentifier("1.2.840.10045.3.1.7"));
    assertThat(sec1.getPublicKey()).isNotNull();
    Object parsed = new PEMParser(new StringReader(pem)).readObject();
    assertThat(new JcaPEMKeyConverter().getKeyPair((PEMKeyPair) parsed).getPublic())
        .isEqualTo(EC.getPublic());
  }

  @Test
  void pkcs8_isAPrivateKeyBlock_thatTheJdkReads_forRsaAndEc() throws Exception {
    for (KeyPair pair : new KeyPair[] {RSA, EC}) {
      String pem = Pem.privateKey(pair, KeyEncoding.PKCS8);

      assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
      var key =
          KeyFactory.getInstance(pair.getPrivate().getAlgorithm())
              .generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
      assertThat(key.getAlgorithm()).isEqualTo(pair.getPrivate().getAlgorithm());
      assertThat(scalar(key)).isEqualTo(scalar(pair.getPrivate()));
    }
  }

  @Test
  void pkcs8Ec_carriesThePublicKeyLikeCertManager() {
    var info = PrivateKeyInfo.getInstance(der(Pem.privateKey(EC, KeyEncoding.PKCS8)));

    assertThat(ECPrivateKey.getInstance(info.getPrivateKey().getOctets()).getPublicKey())
        .isNotNull();
  }

  @Test
  void pkcs1_refusesAnEcKey() {
    assertThatThrownBy(() -> Pem.privateKey(EC, KeyEncoding.PKCS1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RSA keys only");
  }

  @Test
  void encryptedPrivateKey_decryptsWithThePassword() throws Exception {
    String pem = Pem.encryptedPrivateKey(EC.getPrivate(), "secret".toCharArray());

    assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    var encrypted =
        (PKCS8EncryptedPrivateKeyInfo) new PEMParser(new StringReader(pem)).readObject();
    var info =
        encrypted.decryptPrivateKeyInfo(
            new JceOpenSSLPKCS8DecryptorProviderBuilder()
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                .build("secret".toCharArray()));
    assertThat(scalar(new JcaPEMKeyConverter().getPrivateKey(info)))
        .isEqualTo(scalar(EC.getPrivate()));
  }

  @Test
  void certificates_areWrittenInOrder_andParseBack() throws Exception {
    var ca = TestCertificateAuthority.create("Pem CA", KeyType.EC_P256);
    var leaf = ca.issueServer(KeyType.EC_P256, "localhost");

    java.util.List<java.security.cert.Certificate> parsed =
        java.util.List.copyOf(
            CertificateFactory.getInstance("X.509")
                .generateCertificates(
                    new ByteArrayInputStream(leaf.chainPem().getBytes(StandardCharsets.US_ASCII))));
    assertThat(parsed).containsExactly(leaf.certificate(), ca.certificate());
  }

  /** The secret number of a key; encodings may differ in optional fields. */
  private static java.math.BigInteger scalar(java.security.PrivateKey key) {
    return switch (key) {
      case java.security.interfaces.ECPrivateKey ec -> ec.getS();
      case java.security.interfaces.RSAPrivateKey rsa -> rsa.getPrivateExponent();
      default -> throw new IllegalArgumentException(key.getAlgorithm());
    };
  }

  private static byte[] der(String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }
}
