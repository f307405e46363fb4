package dev.harbormaster.oci.auth;

import java.util.List;

/**
 * Where a registry client finds credentials: the candidates for one repository, most specific
 * first. The client tries them in order and then anonymous access.
 */
@FunctionalInterface
public interface Keyring {

  /**
   * Candidate credentials for {@code repository} on {@code registry} (a normalised registry as in
   * {@code ImageReference.registry()}, e.g. {@code docker.io} or {@code 127.0.0.1:5000}); empty for
   * anonymous access only.
   */
  List<Credential> credentialsFor(String registry, String repository);

  /** No credentials: anonymous access everywhere. */
  static Keyring anonymous() {
    return (registry, repository) -> List.of();
  }

  /** {@code credential} for {@code registry} (every repository), nothing elsewhere. */
  static Keyring single(String registry, Credential credential) {
    return (r, repository) -> r.equals(registry) ? List.of(credential) : List.of();
  }
}
