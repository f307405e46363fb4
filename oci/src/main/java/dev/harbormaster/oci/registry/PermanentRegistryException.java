package dev.harbormaster.oci.registry;

import java.util.List;

/**
 * A refusal or an answer that retrying will not change ({@code NAME_INVALID}, {@code UNSUPPORTED},
 * a malformed answer...).
 */
public final class PermanentRegistryException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was attempted, e.g. {@code GET manifest quay.io/a/b:1}
   * @param status the HTTP status, 0 if none
   * @param errors the OCI errors of the answer
   * @param cause the underlying failure, may be null
   */
  public PermanentRegistryException(
      String message, int status, List<RegistryError> errors, Throwable cause) {
    super(message, status, errors, cause);
  }
}
