package dev.harbormaster.testkit.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Writes certificates and keys as PEM (<a href="https://www.rfc-editor.org/rfc/rfc7468">RFC
 * 7468</a>) in the layouts cert-manager produces.
 */
public final class Pem {
  private Pem() {}

  /** {@code CERTIFICATE} blocks, in the given order (leaf first for a chain). */
  public static String certificates(List<X509Certificate> certificates) {
    StringBuilder out = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        out.append(block("CERTIFICATE", certificate.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(
            "cannot encode " + certificate.getSubjectX500Principal(), e);
      }
    }
    return out.toString();
  }

  /** The private key of {@code keyPair} in the given encoding. */
  public static String privateKey(KeyPair keyPair, KeyEncoding encoding) {
    PrivateKey key = keyPair.getPrivate();
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
    try {
      return switch (encoding) {
        case PKCS8 -> block("PRIVATE KEY", pkcs8(info, keyPair));
        case PKCS1 -> {
          requireAlgorithm(key, "RSA", encoding);
          yield block("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
        }
        case SEC1 -> {
          requireAlgorithm(key, "EC", encoding);
          yield block("EC PRIVATE KEY", sec1(info, keyPair, true));
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The private key as {@code ENCRYPTED PRIVATE KEY} (PKCS#8 EncryptedPrivateKeyInfo, AES-256-CBC
   * with PBKDF2), which cert-manager never writes but users sometimes try.
   */
  public static String encryptedPrivateKey(PrivateKey key, char[] password) {
    try {
      var encryptor =
          new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
              .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
              .setPassword(password)
              .build();
      PemObject object = new JcaPKCS8Generator(key, encryptor).generate();
      StringWriter text = new StringWriter();
      try (PemWriter writer = new PemWriter(text)) {
        writer.writeObject(object);
      }
      return text.toString();
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot encrypt the key", e);
    }
  }

  /** One PEM block with 64-character lines. */
  public static String block(String label, byte[] der) {
    String base64 = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
  }

  /** PKCS#8 as Go's x509.MarshalPKCS8PrivateKey writes it (EC: public key inside, no curve). */
  private static byte[] pkcs8(PrivateKeyInfo info, KeyPair keyPair) throws IOException {
    if (!keyPair.getPrivate().getAlgorithm().equals("EC")) {
      return info.getEncoded(ASN1Encoding.DER);
    }
    AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
    var inner = org.bouncycastle.asn1.ASN1Primitive.fromByteArray(sec1(info, keyPair, false));
    return new PrivateKeyInfo(algorithm, inner).getEncoded(ASN1Encoding.DER);
  }

  /** ECPrivateKey (RFC 5915) with the public key and, when asked, the named curve. */
  private static byte[] sec1(PrivateKeyInfo info, KeyPair keyPair, boolean withCurve)
      throws IOException {
    var jdkKey = (java.security.interfaces.ECPrivateKey) keyPair.getPrivate();
    SubjectPublicKeyInfo publicInfo =
        SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
    ASN1Encodable curve = withCurve ? info.getPrivateKeyAlgorithm().getParameters() : null;
    int orderBits = jdkKey.getParams().getOrder().bitLength();
    var sec1 =
        new org.bouncycastle.asn1.sec.ECPrivateKey(
            orderBits,
            jdkKey.getS(),
            new DERBitString(publicInfo.getPublicKeyData().getBytes()),
            curve);
    return sec1.getEncoded(ASN1Encoding.DER);
  }

  private static void requireAlgorithm(PrivateKey key, String algorithm, KeyEncoding encoding) {
    if (!key.getAlgorithm().equals(algorithm)) {
      throw new IllegalArgumentException(
          encoding + " encodes " + algorithm + " keys only, not " + key.getAlgorithm());
    }
  }
}
