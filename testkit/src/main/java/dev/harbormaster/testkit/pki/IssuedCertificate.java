package dev.harbormaster.testkit.pki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A leaf certificate, its key pair and the certificates of its issuers.
 *
 * @param certificate the leaf
 * @param keyPair the leaf's key pair
 * @param issuers issuer certificates, nearest first, ending with the root CA
 */
public record IssuedCertificate(
    X509Certificate certificate, KeyPair keyPair, List<X509Certificate> issuers) {

  public IssuedCertificate {
    issuers = List.copyOf(issuers);
  }

  /** The leaf's serial number, to recognise it in a TLS handshake. */
  public BigInteger serial() {
    return certificate.getSerialNumber();
  }

  /** Leaf first, then its issuers: what cert-manager writes to {@code tls.crt}. */
  public List<X509Certificate> chain() {
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    chain.addAll(issuers);
    return List.copyOf(chain);
  }

  /** The root CA certificate: what cert-manager writes to {@code ca.crt}. */
  public X509Certificate rootCertificate() {
    return issuers.isEmpty() ? certificate : issuers.getLast();
  }

  /** {@code tls.crt}: the chain as PEM, leaf first. */
  public String chainPem() {
    return Pem.certificates(chain());
  }

  /** {@code tls.key}: the private key in the given encoding. */
  public String keyPem(KeyEncoding encoding) {
    return Pem.privateKey(keyPair, encoding);
  }

  /** {@code ca.crt}: the root CA certificate as PEM. */
  public String caPem() {
    return Pem.certificates(List.of(rootCertificate()));
  }

  /**
   * The data of a {@code kubernetes.io/tls} Secret as cert-manager fills it: {@code tls.crt},
   * {@code tls.key} and {@code ca.crt}, ready for {@link SecretVolume}.
   */
  public Map<String, byte[]> secretData(KeyEncoding keyEncoding) {
    Map<String, byte[]> data = new LinkedHashMap<>();
    data.put(TlsFiles.CERT, chainPem().getBytes(StandardCharsets.US_ASCII));
    data.put(TlsFiles.KEY, keyPem(keyEncoding).getBytes(StandardCharsets.US_ASCII));
    data.put(TlsFiles.CA, caPem().getBytes(StandardCharsets.US_ASCII));
    return data;
  }
}
