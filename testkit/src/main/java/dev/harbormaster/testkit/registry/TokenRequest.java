package dev.harbormaster.testkit.registry;

import java.util.List;
import java.util.Optional;

/**
 * One request that reached a {@link TokenServer}, recorded for assertions.
 *
 * @param method {@code GET} (docker token flow) or {@code POST} (OAuth2 password grant)
 * @param username the user that authenticated, or tried to; empty for anonymous requests
 * @param service the {@code service} parameter sent by the client (empty string when absent)
 * @param requested scopes the client asked for
 * @param granted scopes put into the token (empty when the request was refused)
 * @param status HTTP status answered: 200, 400 or 401
 */
public record TokenRequest(
    String method,
    Optional<String> username,
    String service,
    List<TokenScope> requested,
    List<TokenScope> granted,
    int status) {

  /** Copies the lists. */
  public TokenRequest {
    requested = List.copyOf(requested);
    granted = List.copyOf(granted);
  }
}
