package dev.harbormaster.oci.auth;

/**
 * A Docker config or pull secret that cannot be used; the message names the source, the key and the
 * problem.
 */
public final class InvalidCredentialsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidCredentialsException(String message) {
    super(message);
  }
}
