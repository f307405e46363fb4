package dev.harbormaster.deploy;

import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestCertificateAuthority;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    try (DeployCopy copy = DeployCopy.create()) {
      copy.write("overlays/" + directory + "/ca.crt", SELF_MANAGED_CA.certificatePem());
      return Kustomize.render(copy.root().resolve("overlays").resolve(directory));
    }
  }

  /** The rendered objects, parsed strictly (rendered once per run). */
  Rendered render() {
    return RENDERED.computeIfAbsent(this, o -> new Rendered(StrictModel.parseAll(o.yaml())));
  }
}
