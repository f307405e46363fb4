package dev.harbormaster.testkit.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A username and password for a registry or token server.
 *
 * @param username user name, not blank, without ':'
 * @param password password, not empty
 */
public record Credentials(String username, String password) {

  /** Validates the fields. */
  public Credentials {
    if (username == null || username.isBlank() || username.contains(":")) {
      throw new IllegalArgumentException(
          "username must be non-blank and contain no ':', got '" + username + "'");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("password of user '" + username + "' must not be empty");
    }
  }

  /** {@code user:password}, the form skopeo's {@code --creds} flags take. */
  public String colonSeparated() {
    return username + ":" + password;
  }

  /** The value of an {@code Authorization: Basic ...} header. */
  public String basicAuthorization() {
    return "Basic "
        + Base64.getEncoder().encodeToString(colonSeparated().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=***]";
  }
}
