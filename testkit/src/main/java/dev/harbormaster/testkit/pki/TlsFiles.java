package dev.harbormaster.testkit.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The three files of a mounted {@code kubernetes.io/tls} Secret.
 *
 * @param certFile {@code tls.crt}
 * @param keyFile {@code tls.key}
 * @param caFile {@code ca.crt}
 */
public record TlsFiles(Path certFile, Path keyFile, Path caFile) {
  /** Key of the certificate chain in the Secret. */
  public static final String CERT = "tls.crt";

  /** Key of the private key in the Secret. */
  public static final String KEY = "tls.key";

  /** Key of the CA certificate in the Secret. */
  public static final String CA = "ca.crt";

  /** The file names of a Secret volume mounted at {@code dir}. */
  public static TlsFiles in(Path dir) {
    return new TlsFiles(dir.resolve(CERT), dir.resolve(KEY), dir.resolve(CA));
  }

  /** Writes the certificate as plain files (no symlinks) into {@code dir}. */
  public static TlsFiles write(Path dir, IssuedCertificate certificate, KeyEncoding encoding) {
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> entry : certificate.secretData(encoding).entrySet()) {
        Files.write(dir.resolve(entry.getKey()), entry.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return in(dir);
  }
}
