package dev.harbormaster.host.tls;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the TLS material lives: cert-manager's {@code tls.crt}, {@code tls.key} and, for client
 * certificate verification, a CA bundle such as {@code ca.crt}.
 *
 * @param certFile PEM certificate chain, leaf first
 * @param keyFile PEM private key of the leaf
 * @param clientCaFile PEM CA certificates that client certificates must chain to
 */
record TlsPaths(Path certFile, Path keyFile, Optional<Path> clientCaFile) {
  TlsPaths {
    certFile = certFile.toAbsolutePath().normalize();
    keyFile = keyFile.toAbsolutePath().normalize();
    clientCaFile = clientCaFile.map(p -> p.toAbsolutePath().normalize());
  }

  /** All files, in a fixed order. */
  List<Path> all() {
    return Stream.concat(Stream.of(certFile, keyFile), clientCaFile.stream()).toList();
  }
}
