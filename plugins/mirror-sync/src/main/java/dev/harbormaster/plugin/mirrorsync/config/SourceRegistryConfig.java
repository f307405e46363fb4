package dev.harbormaster.plugin.mirrorsync.config;

import dev.harbormaster.oci.auth.CredentialFiles;
import java.util.Optional;

/**
 * How to reach one source registry (only needed for credentials, a private CA or plain HTTP).
 *
 * @param registry the registry as written in mirror sources ({@code docker.io}, {@code quay.io},
 *     {@code host:port})
 * @param credentials pull credentials, if needed
 * @param caFile a PEM bundle to trust, relative to the config file
 * @param insecure reach the registry over plain HTTP (default false)
 */
public record SourceRegistryConfig(
    String registry,
    Optional<CredentialFiles> credentials,
    Optional<String> caFile,
    Boolean insecure) {

  /** Applies defaults. */
  public SourceRegistryConfig {
    if (registry == null || registry.isBlank()) {
      throw new IllegalArgumentException("registries[].registry is required");
    }
    credentials = credentials == null ? Optional.empty() : credentials;
    caFile = caFile == null ? Optional.empty() : caFile;
    insecure = insecure != null && insecure;
  }
}
