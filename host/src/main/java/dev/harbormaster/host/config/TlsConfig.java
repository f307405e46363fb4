package dev.harbormaster.host.config;

import java.util.Optional;

/**
 * The {@code server.tls} block: PEM files, relative paths resolved against the config file's
 * directory.
 *
 * @param certFile certificate chain (PEM)
 * @param keyFile private key (PEM, PKCS#1 or PKCS#8, RSA or EC)
 * @param clientCaFile CA bundle for verifying client certificates: /mutate and /validate then need
 *     a client certificate issued by it (probes and /metrics do not); absent means no client auth
 */
public record TlsConfig(String certFile, String keyFile, Optional<String> clientCaFile) {
  /** Requires both files. */
  public TlsConfig {
    if (certFile == null || certFile.isBlank()) {
      throw new IllegalArgumentException("server.tls.certFile is required");
    }
    if (keyFile == null || keyFile.isBlank()) {
      throw new IllegalArgumentException("server.tls.keyFile is required");
    }
    clientCaFile = clientCaFile == null ? Optional.empty() : clientCaFile;
  }
}
