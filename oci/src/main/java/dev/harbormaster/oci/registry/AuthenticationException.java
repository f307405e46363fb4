package dev.harbormaster.oci.registry;

import java.util.List;

/**
 * Credentials were missing or rejected, or access was denied (401/403, {@code UNAUTHORIZED}, {@code
 * DENIED}), after one re-authentication.
 */
public final class AuthenticationException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was attempted, e.g. {@code GET manifest quay.io/a/b:1}
   * @param status the HTTP status, 0 if none
   * @param errors the OCI errors of the answer
   * @param cause the underlying failure, may be null
   */
  public AuthenticationException(
      String message, int status, List<RegistryError> errors, Throwable cause) {
    super(message, status, errors, cause);
  }
}
