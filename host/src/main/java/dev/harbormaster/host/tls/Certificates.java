package dev.harbormaster.host.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads PEM files and the X.509 certificates (<a href="https://www.rfc-editor.org/rfc/rfc5280">RFC
 * 5280</a>) in their {@code CERTIFICATE} blocks (<a
 * href="https://www.rfc-editor.org/rfc/rfc7468#section-5">RFC 7468 section 5</a>).
 */
final class Certificates {
  private Certificates() {}

  /** The PEM blocks of {@code file}; {@code role} says what the file is for, in errors. */
  static List<PemBlock> readPem(Path file, String role) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new TlsMaterialException(file, role + " does not exist");
    } catch (AccessDeniedException e) {
      throw new TlsMaterialException(file, role + " is not readable (permission denied)");
    } catch (IOException e) {
      throw new TlsMaterialException(file, role + " cannot be read: " + e.getMessage(), e);
    }
    if (bytes.length == 0) {
      throw new TlsMaterialException(file, role + " is empty");
    }
    return PemReader.read(file, bytes);
  }

  /** The certificates of {@code file}, in file order; at least one. */
  static List<X509Certificate> read(Path file, String role) {
    List<PemBlock> blocks = readPem(file, role);
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (PemBlock block : blocks) {
        if (block.label().equals("CERTIFICATE")) {
          certificates.add(parse(factory, file, block));
        }
      }
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK has no X.509 CertificateFactory", e);
    }
    if (certificates.isEmpty()) {
      throw new TlsMaterialException(
          file,
          role
              + " contains no PEM 'CERTIFICATE' block (found "
              + (blocks.isEmpty()
                  ? "no PEM blocks"
                  : blocks.stream().map(b -> "'" + b.label() + "'").distinct().toList())
              + ")");
    }
    return List.copyOf(certificates);
  }

  private static X509Certificate parse(CertificateFactory factory, Path file, PemBlock block) {
    try {
      return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der()));
    } catch (CertificateException e) {
      throw new TlsMaterialException(
          file,
          "the CERTIFICATE at line %d is not a valid X.509 certificate: %s"
              .formatted(block.line(), e.getMessage()),
          e);
    }
  }
}
