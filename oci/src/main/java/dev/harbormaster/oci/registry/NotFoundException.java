package dev.harbormaster.oci.registry;

import java.util.List;

/**
 * The repository, manifest, tag or blob does not exist (404, {@code NAME_UNKNOWN}, {@code
 * MANIFEST_UNKNOWN}, {@code BLOB_UNKNOWN}).
 */
public final class NotFoundException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was attempted, e.g. {@code GET manifest quay.io/a/b:1}
   * @param status the HTTP status, 0 if none
   * @param errors the OCI errors of the answer
   * @param cause the underlying failure, may be null
   */
  public NotFoundException(
      String message, int status, List<RegistryError> errors, Throwable cause) {
    super(message, status, errors, cause);
  }
}
