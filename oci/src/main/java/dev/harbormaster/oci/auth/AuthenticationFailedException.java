package dev.harbormaster.oci.auth;

import java.io.IOException;

/**
 * A token endpoint refused every candidate credential and anonymous access, or answered something
 * that is not a token. The message names the endpoint, the users tried and the answer.
 */
public final class AuthenticationFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  AuthenticationFailedException(String message, int status) {
    super(message);
    this.status = status;
  }

  /** The token endpoint's HTTP status (0 when none). */
  public int status() {
    return status;
  }
}
