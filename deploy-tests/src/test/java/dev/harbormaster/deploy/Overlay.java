package dev.harbormaster.deploy;

import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestCertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The overlays of {@code deploy/overlays}, rendered once per test run. {@code self-managed} needs
 * the user's CA certificate as {@code ca.crt} in the overlay directory (not committed): it is
 * rendered from a copy of {@code deploy/} with {@link #SELF_MANAGED_CA}'s certificate there.
 */
enum Overlay {
  /** cert-manager issues the certificate and injects the CA. */
  CERT_MANAGER("cert-manager"),
  /** The user brings the Secret and the CA. */
  SELF_MANAGED("self-managed");

  /** The CA the self-managed overlay is rendered with. */
  static final TestCertificateAuthority SELF_MANAGED_CA =
      TestCertificateAuthority.create("Harbormaster deploy-tests CA", KeyType.EC_P256);

  private static final Map<Overlay, Rendered> RENDERED = new ConcurrentHashMap<>();

  private final String directory;

  Overlay(String directory) {
    this.directory = directory;
  }

  /** The repository's {@code deploy/} directory. */
  static Path deployDirectory() {
    return Path.of(System.getProperty("deploy.repository.root", ".."))
        .resolve("deploy")
        .toAbsolutePath()
        .normalize();
  }

  /** The directory name below {@code deploy/overlays}. */
  String directory() {
    return directory;
  }

  /** The rendered YAML, as {@code kubectl kustomize} prints it. */
  String yaml() {
    Path deploy = deployDirectory();
    if (this != SELF_MANAGED) {
      return Kustomize.render(deploy.resolve("overlays").resolve(directory));
    }
    Path copy = copyOf(deploy);
    try {
      Files.writeString(
          copy.resolve("overlays").resolve(directory).resolve("ca.crt"),
          SELF_MANAGED_CA.certificatePem());
      return Kustomize.render(copy.resolve("overlays").resolve(directory));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(copy);
    }
  }

  /** The rendered objects, parsed strictly (rendered once per run). */
  Rendered render() {
    return RENDERED.computeIfAbsent(this, o -> new Rendered(StrictModel.parseAll(o.yaml())));
  }

  private static Path copyOf(Path deploy) {
    try {
      Path target = Files.createTempDirectory("deploy-tests");
      try (Stream<Path> files = Files.walk(deploy)) {
        for (Path p : files.toList()) {
          Path to = target.resolve(deploy.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else if (!p.getFileName().toString().equals("ca.crt")) {
            Files.copy(p, to);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("copying " + deploy, e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + dir, e);
    }
  }
}
