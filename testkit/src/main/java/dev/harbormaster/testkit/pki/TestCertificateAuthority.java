package dev.harbormaster.testkit.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed test CA that issues server and client certificates (X.509 profile of <a
 * href="https://www.rfc-editor.org/rfc/rfc5280">RFC 5280</a>), like a cert-manager CA Issuer.
 */
public final class TestCertificateAuthority {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyType keyType;
  private final KeyPair keyPair;
  private final X509Certificate certificate;

  private TestCertificateAuthority(KeyType keyType, KeyPair keyPair, X509Certificate certificate) {
    this.keyType = keyType;
    this.keyPair = keyPair;
    this.certificate = certificate;
  }

  /** A new root CA valid for a week, with a fresh key of the given type. */
  public static TestCertificateAuthority create(String commonName, KeyType keyType) {
    KeyPair keyPair = keyType.generate();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    X500Name name = name(commonName);
    try {
      var extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  name,
                  serial(),
                  Date.from(now.minus(Duration.ofHours(1))),
                  Date.from(now.plus(Duration.ofDays(7))),
                  name,
                  keyPair.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
      X509Certificate certificate = sign(builder, keyType, keyPair);
      return new TestCertificateAuthority(keyType, keyPair, certificate);
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot create test CA " + commonName, e);
    }
  }

  /** The CA certificate (the trust anchor; {@code ca.crt}). */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The CA certificate as PEM. */
  public String certificatePem() {
    return Pem.certificates(List.of(certificate));
  }

  /** A server certificate for the given DNS names and IP literals, with a new key. */
  public IssuedCertificate issueServer(KeyType leafKeyType, String... subjectAltNames) {
    String cn = subjectAltNames.length == 0 ? "server" : subjectAltNames[0];
    return issue(CertificateSpec.server(cn, leafKeyType, subjectAltNames));
  }

  /** A client certificate with the given CN, with a new key. */
  public IssuedCertificate issueClient(String commonName, KeyType leafKeyType) {
    return issue(CertificateSpec.client(commonName, leafKeyType));
  }

  /** Issues a leaf certificate as the spec says, with a fresh key and a random serial. */
  public IssuedCertificate issue(CertificateSpec spec) {
    KeyPair leafKeys = spec.keyType().generate();
    try {
      var extensions = new JcaX509ExtensionUtils();
      int keyUsage =
          spec.keyType() == KeyType.RSA_2048
              ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
              : KeyUsage.digitalSignature;
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  certificate,
                  serial(),
                  Date.from(spec.notBefore()),
                  Date.from(spec.notAfter()),
                  principal(spec.commonName()),
                  leafKeys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
              .addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(spec.usage()))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(leafKeys.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(certificate));
      if (!spec.subjectAltNames().isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName, false, subjectAltNames(spec.subjectAltNames()));
      }
      return new IssuedCertificate(sign(builder, keyType, keyPair), leafKeys, List.of(certificate));
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot issue a certificate for " + spec, e);
    }
  }

  /** An SSLContext that trusts this CA only, for {@code java.net.http.HttpClient}. */
  public SSLContext clientSslContext() {
    return ClientSslContexts.trusting(List.of(certificate));
  }

  /** An SSLContext that trusts this CA and presents {@code clientCertificate} when asked. */
  public SSLContext clientSslContext(IssuedCertificate clientCertificate) {
    return ClientSslContexts.trusting(List.of(certificate), clientCertificate);
  }

  private static X500Principal principal(String commonName) throws java.io.IOException {
    return new X500Principal(name(commonName).getEncoded());
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, "Harbormaster tests")
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  private static BigInteger serial() {
    return new BigInteger(63, RANDOM).add(BigInteger.ONE);
  }

  private static ExtendedKeyUsage extendedKeyUsage(CertificateSpec.Usage usage) {
    return switch (usage) {
      case SERVER -> new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth);
      case CLIENT -> new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth);
      case SERVER_AND_CLIENT ->
          new ExtendedKeyUsage(
              new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth});
    };
  }

  private static GeneralNames subjectAltNames(List<String> names) {
    GeneralName[] generalNames =
        names.stream()
            .map(
                name ->
                    IPV4.matcher(name).matches() || name.contains(":")
                        ? new GeneralName(GeneralName.iPAddress, name)
                        : new GeneralName(GeneralName.dNSName, name))
            .toArray(GeneralName[]::new);
    return new GeneralNames(generalNames);
  }

  private static X509Certificate sign(
      X509v3CertificateBuilder builder, KeyType signerType, KeyPair signer)
      throws OperatorCreationException, GeneralSecurityException {
    var contentSigner =
        new JcaContentSignerBuilder(signerType.signatureAlgorithm()).build(signer.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
  }
}
