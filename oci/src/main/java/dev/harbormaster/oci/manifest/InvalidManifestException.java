package dev.harbormaster.oci.manifest;

/** Manifest bytes that are not the JSON document their media type promises. */
public final class InvalidManifestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
