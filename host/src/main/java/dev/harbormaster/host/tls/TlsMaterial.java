package dev.harbormaster.host.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A validated certificate chain with its private key and the optional client CA bundle. Loading
 * fails with a {@link TlsMaterialException} for anything that cannot serve; an expired or not yet
 * valid leaf only logs a warning (the operator may be mid-rotation, and refusing to start would
 * make it worse).
 *
 * @param chain the served chain, leaf first
 * @param key the leaf's private key
 * @param clientCas CAs that client certificates must chain to; empty when clients are not verified
 */
record TlsMaterial(List<X509Certificate> chain, PrivateKey key, List<X509Certificate> clientCas) {
  private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);
  private static final byte[] PROBE = "harbormaster key/certificate match".getBytes();

  TlsMaterial {
    chain = List.copyOf(chain);
    clientCas = List.copyOf(clientCas);
  }

  /** Reads and validates the files. */
  static TlsMaterial load(TlsPaths paths, Clock clock) {
    List<X509Certificate> chain = Certificates.read(paths.certFile(), "certificate file");
    PrivateKey key =
        PrivateKeys.read(paths.keyFile(), Certificates.readPem(paths.keyFile(), "key file"));
    requireMatch(paths, chain, key);
    List<X509Certificate> clientCas =
        paths.clientCaFile().map(f -> Certificates.read(f, "client CA file")).orElse(List.of());
    warnAboutValidity(paths.certFile(), chain.getFirst(), clock.instant());
    return new TlsMaterial(chain, key, clientCas);
  }

  /** The leaf certificate. */
  X509Certificate leaf() {
    return chain.getFirst();
  }

  /** An in-memory key store holding the key and chain under {@code password}. */
  KeyStore keyStore(char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, password, chain.toArray(Certificate[]::new));
      return store;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build an in-memory key store", e);
    }
  }

  /** An in-memory trust store of the client CAs, when there are any. */
  Optional<KeyStore> trustStore() {
    if (clientCas.isEmpty()) {
      return Optional.empty();
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < clientCas.size(); i++) {
        store.setCertificateEntry("client-ca-" + i, clientCas.get(i));
      }
      return Optional.of(store);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build an in-memory trust store", e);
    }
  }

  private static void requireMatch(TlsPaths paths, List<X509Certificate> chain, PrivateKey key) {
    if (matches(key, chain.getFirst().getPublicKey())) {
      return;
    }
    for (int i = 1; i < chain.size(); i++) {
      if (matches(key, chain.get(i).getPublicKey())) {
        throw new TlsMaterialException(
            paths.certFile(),
            "the private key in %s belongs to certificate #%d (%s), but the leaf must come first"
                .formatted(paths.keyFile(), i + 1, chain.get(i).getSubjectX500Principal()));
      }
    }
    X509Certificate leaf = chain.getFirst();
    throw new TlsMaterialException(
        paths.keyFile(),
        "the %s private key does not match the certificate in %s (subject '%s', serial %s, %s key)"
            .formatted(
                family(key.getAlgorithm()),
                paths.certFile(),
                leaf.getSubjectX500Principal(),
                leaf.getSerialNumber().toString(16),
                family(leaf.getPublicKey().getAlgorithm())));
  }

  /** Signs a probe with the key and verifies it with the certificate's public key. */
  private static boolean matches(PrivateKey key, PublicKey publicKey) {
    String family = family(key.getAlgorithm());
    if (!family.equals(family(publicKey.getAlgorithm()))) {
      return false;
    }
    String algorithm =
        switch (family) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> "EdDSA";
        };
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(PROBE);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(PROBE);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String family(String algorithm) {
    return switch (algorithm) {
      case "EdDSA", "Ed25519" -> "Ed25519";
      default -> algorithm;
    };
  }

  private static void warnAboutValidity(Path certFile, X509Certificate leaf, Instant now) {
    if (now.isAfter(leaf.getNotAfter().toInstant())) {
      LOG.warn(
          "TLS certificate in {} expired at {} (serial {}); clients will reject it",
          certFile,
          leaf.getNotAfter().toInstant(),
          leaf.getSerialNumber().toString(16));
    } else if (now.isBefore(leaf.getNotBefore().toInstant())) {
      LOG.warn(
          "TLS certificate in {} is not valid before {} (serial {}); check the clock",
          certFile,
          leaf.getNotBefore().toInstant(),
          leaf.getSerialNumber().toString(16));
    }
  }
}
