package dev.harbormaster.plugin.mirrorsync.config;

import dev.harbormaster.oci.auth.CredentialFiles;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.InvalidReferenceException;
import dev.harbormaster.oci.reference.RepositoryName;
import java.util.Optional;

/**
 * The registry images are mirrored into: {@code <registry>/<prefix>/<source path>}, so {@code
 * docker.io/library/nginx} with prefix {@code mirror} lands in {@code
 * registry.local/mirror/library/nginx}.
 *
 * @param registry host or {@code host:port} of the target registry
 * @param prefix path prefix in the target (default none)
 * @param credentials push credentials (files), if the target needs them
 * @param caFile a PEM bundle to trust for the target, relative to the config file
 * @param insecure reach the target over plain HTTP (default false)
 */
public record TargetConfig(
    String registry,
    String prefix,
    Optional<CredentialFiles> credentials,
    Optional<String> caFile,
    Boolean insecure) {

  /** Applies defaults and validates the registry and prefix. */
  public TargetConfig {
    if (registry == null || registry.isBlank()) {
      throw new IllegalArgumentException("target.registry is required, e.g. registry.local:5000");
    }
    prefix = prefix == null ? "" : stripSlashes(prefix);
    credentials = credentials == null ? Optional.empty() : credentials;
    caFile = caFile == null ? Optional.empty() : caFile;
    insecure = insecure != null && insecure;
    String probe = registry + "/" + (prefix.isEmpty() ? "" : prefix + "/") + "probe";
    try {
      ImageReference parsed = ImageReference.parse(probe);
      if (!parsed.registry().equals(registry)) {
        throw new IllegalArgumentException(
            "target.registry '" + registry + "' is not a registry host (host or host:port)");
      }
    } catch (InvalidReferenceException e) {
      throw new IllegalArgumentException(
          "target: registry '"
              + registry
              + "' with prefix '"
              + prefix
              + "' is invalid: "
              + e.getMessage());
    }
  }

  /** Where {@code source} is mirrored: the source path below the prefix in the target registry. */
  public RepositoryName repositoryFor(RepositoryName source) {
    String path = prefix.isEmpty() ? source.repository() : prefix + "/" + source.repository();
    return new RepositoryName(registry, path);
  }

  private static String stripSlashes(String p) {
    String s = p.strip();
    while (s.startsWith("/")) s = s.substring(1);
    while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
    return s;
  }
}
