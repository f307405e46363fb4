package dev.harbormaster.testkit.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** The key algorithms cert-manager issues by default or on request, as test keys. */
public enum KeyType {
  /** RSA with a 2048-bit modulus (cert-manager's default). */
  RSA_2048("RSA", "SHA256withRSA"),
  /** ECDSA on NIST P-256 (secp256r1). */
  EC_P256("EC", "SHA256withECDSA"),
  /** Ed25519 (cert-manager's {@code algorithm: Ed25519}; always PKCS#8). */
  ED25519("Ed25519", "Ed25519");

  private final String jcaAlgorithm;
  private final String signatureAlgorithm;

  KeyType(String jcaAlgorithm, String signatureAlgorithm) {
    this.jcaAlgorithm = jcaAlgorithm;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /** The JCA signature algorithm a key of this type signs certificates with. */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** Generates a fresh key pair of this type. */
  public KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaAlgorithm);
      switch (this) {
        case RSA_2048 -> generator.initialize(2048);
        case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"));
        case ED25519 -> {
          // the algorithm name fixes the curve
        }
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a " + this + " key pair", e);
    }
  }
}
