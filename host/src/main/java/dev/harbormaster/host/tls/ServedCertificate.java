package dev.harbormaster.host.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What the host currently serves, for a status line or a metric: enough to tell a rotation
 * happened, without exposing the certificate itself.
 *
 * @param subject the leaf's subject DN
 * @param serial the leaf's serial number in lower-case hex
 * @param notAfter the end of the leaf's validity
 * @param sha256 the SHA-256 fingerprint of the leaf's DER encoding, lower-case hex
 */
public record ServedCertificate(String subject, String serial, Instant notAfter, String sha256) {

  /** The summary of {@code leaf}. */
  static ServedCertificate of(X509Certificate leaf) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
      return new ServedCertificate(
          leaf.getSubjectX500Principal().getName(),
          leaf.getSerialNumber().toString(16),
          leaf.getNotAfter().toInstant(),
          HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint " + leaf.getSubjectX500Principal(), e);
    }
  }
}
