package dev.harbormaster.testkit.pki;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a test certificate should say.
 *
 * @param commonName the subject CN
 * @param subjectAltNames DNS names and IP literals (an entry that parses as an IPv4 or IPv6 literal
 *     becomes an iPAddress SAN, anything else a dNSName SAN)
 * @param keyType the key algorithm of the new certificate's key
 * @param usage what the certificate may be used for (extended key usage)
 * @param notBefore start of validity
 * @param notAfter end of validity
 */
public record CertificateSpec(
    String commonName,
    List<String> subjectAltNames,
    KeyType keyType,
    Usage usage,
    Instant notBefore,
    Instant notAfter) {

  /** Extended key usage of a leaf certificate. */
  public enum Usage {
    /** id-kp-serverAuth. */
    SERVER,
    /** id-kp-clientAuth. */
    CLIENT,
    /** Both, as cert-manager issues by default. */
    SERVER_AND_CLIENT
  }

  public CertificateSpec {
    subjectAltNames = List.copyOf(subjectAltNames);
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException("notAfter " + notAfter + " is not after " + notBefore);
    }
  }

  /** A server certificate valid for a day, with the given SANs. */
  public static CertificateSpec server(String commonName, KeyType keyType, String... sans) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new CertificateSpec(
        commonName,
        List.of(sans),
        keyType,
        Usage.SERVER,
        now.minus(Duration.ofMinutes(5)),
        now.plus(Duration.ofDays(1)));
  }

  /** A client certificate valid for a day. */
  public static CertificateSpec client(String commonName, KeyType keyType) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return new CertificateSpec(
        commonName,
        List.of(),
        keyType,
        Usage.CLIENT,
        now.minus(Duration.ofMinutes(5)),
        now.plus(Duration.ofDays(1)));
  }

  /** The same spec with another validity period (e.g. an already expired certificate). */
  public CertificateSpec withValidity(Instant newNotBefore, Instant newNotAfter) {
    return new CertificateSpec(
        commonName, subjectAltNames, keyType, usage, newNotBefore, newNotAfter);
  }
}
