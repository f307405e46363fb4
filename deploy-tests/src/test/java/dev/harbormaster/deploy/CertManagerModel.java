package dev.harbormaster.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of cert-manager's {@code cert-manager.io/v1} API that deploy/ uses, as strict records.
 * fabric8 publishes no cert-manager model for its Jackson 3 line (8.x), so these records stand in:
 * every field here exists in cert-manager's API with the same name and type, and any other field is
 * refused when parsing. Extend them (from the API reference) when an overlay needs more.
 *
 * @see <a href="https://cert-manager.io/docs/reference/api-docs/">cert-manager API reference</a>
 */
final class CertManagerModel {
  private CertManagerModel() {}

  /** The record class for a cert-manager kind, if it is one this project uses. */
  static Optional<Class<?>> forKind(String apiVersion, String kind) {
    if (!"cert-manager.io/v1".equals(apiVersion)) {
      return Optional.empty();
    }
    return switch (kind) {
      case "Issuer", "ClusterIssuer" -> Optional.of(Issuer.class);
      case "Certificate" -> Optional.of(Certificate.class);
      default -> Optional.empty();
    };
  }

  /** Object metadata as kustomize renders it for these objects. */
  record Metadata(
      String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {}

  /** An Issuer or ClusterIssuer. */
  record Issuer(String apiVersion, String kind, Metadata metadata, IssuerSpec spec) {}

  /** The issuer types deploy/ uses. */
  record IssuerSpec(SelfSigned selfSigned, CaIssuer ca) {}

  /** {@code selfSigned}. */
  record SelfSigned(List<String> crlDistributionPoints) {}

  /** {@code ca}: signs with the CA in {@code secretName}. */
  record CaIssuer(
      String secretName, List<String> crlDistributionPoints, List<String> ocspServers) {}

  /** A Certificate. */
  record Certificate(String apiVersion, String kind, Metadata metadata, CertificateSpec spec) {}

  /** {@code Certificate.spec}. */
  record CertificateSpec(
      String secretName,
      String commonName,
      @JsonProperty("isCA") Boolean isCA,
      String duration,
      String renewBefore,
      List<String> dnsNames,
      List<String> ipAddresses,
      List<String> usages,
      PrivateKey privateKey,
      IssuerRef issuerRef,
      Integer revisionHistoryLimit) {}

  /** {@code spec.privateKey}. */
  record PrivateKey(String algorithm, Integer size, String encoding, String rotationPolicy) {}

  /** {@code spec.issuerRef}. */
  record IssuerRef(String group, String kind, String name) {}
}
