package dev.harbormaster.oci.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A registry user name and password (or token used as password). {@link #toString()} never shows
 * the password.
 *
 * @param username the user name
 * @param password the password
 */
public record Credential(String username, String password) {

  /** Rejects empty user names. */
  public Credential {
    if (username == null || username.isEmpty()) {
      throw new IllegalArgumentException("credential user name must not be empty");
    }
    if (password == null) {
      throw new IllegalArgumentException("credential password must not be null");
    }
  }

  /** The value of an {@code Authorization: Basic} header. */
  public String basicAuthorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credential[" + username + ", ****]";
  }
}
