package dev.harbormaster.testkit.pki;

/**
 * The PEM encodings of a private key that cert-manager writes to {@code tls.key}, depending on
 * {@code privateKey.algorithm} and {@code privateKey.encoding}.
 */
public enum KeyEncoding {
  /**
   * {@code -----BEGIN RSA PRIVATE KEY-----}: RSAPrivateKey of <a
   * href="https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.2">RFC 8017 A.1.2</a> (RSA only;
   * cert-manager's default for RSA).
   */
  PKCS1,
  /**
   * {@code -----BEGIN EC PRIVATE KEY-----}: ECPrivateKey of <a
   * href="https://www.rfc-editor.org/rfc/rfc5915#section-3">RFC 5915</a> with the named curve and
   * the public key (EC only; cert-manager's default for ECDSA).
   */
  SEC1,
  /**
   * {@code -----BEGIN PRIVATE KEY-----}: PrivateKeyInfo of <a
   * href="https://www.rfc-editor.org/rfc/rfc5208#section-5">RFC 5208</a> ({@code encoding: PKCS8}).
   */
  PKCS8
}
