package dev.harbormaster.oci.registry;

import java.util.List;

/** 429, 5xx, 408 or an I/O error that outlasted the retries: trying later may succeed. */
public final class TransientRegistryException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was attempted, e.g. {@code GET manifest quay.io/a/b:1}
   * @param status the HTTP status, 0 if none
   * @param errors the OCI errors of the answer
   * @param cause the underlying failure, may be null
   */
  public TransientRegistryException(
      String message, int status, List<RegistryError> errors, Throwable cause) {
    super(message, status, errors, cause);
  }
}
