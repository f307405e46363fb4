package dev.harbormaster.oci.auth;

import dev.harbormaster.oci.transport.HttpTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets a Bearer token from a registry's token endpoint: {@code GET <realm>?service=..&scope=..}
 * (one {@code scope} parameter per scope), with the credential as Basic auth or none for an
 * anonymous token. The answer carries {@code token} or {@code access_token} and {@code expires_in}
 * (60 s when absent).
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">token authentication
 *     specification</a>
 */
final class TokenFetcher {
  record Token(String value, Duration lifetime) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

  private final HttpTransport transport;

  TokenFetcher(HttpTransport transport) {
    this.transport = transport;
  }

  /**
   * @return the token, or empty when the endpoint rejected the credential (401/403)
   * @throws AuthenticationFailedException when the endpoint answers something else unusable
   */
  Optional<Token> fetch(AuthChallenge challenge, Set<Scope> scopes, Optional<Credential> credential)
      throws IOException {
    String realm =
        challenge
            .realm()
            .orElseThrow(
                () -> new AuthenticationFailedException("Bearer challenge has no realm", 0));
    HttpUrl base = HttpUrl.parse(realm);
    if (base == null) {
      throw new AuthenticationFailedException("Bearer realm \"" + realm + "\" is not a URL", 0);
    }
    HttpUrl.Builder url = base.newBuilder();
    challenge.service().ifPresent(s -> url.addQueryParameter("service", s));
    scopes.stream().map(Scope::toString).sorted().forEach(s -> url.addQueryParameter("scope", s));
    Request.Builder request = new Request.Builder().url(url.build()).get();
    credential.ifPresent(c -> request.header("Authorization", c.basicAuthorization()));
    request.header("User-Agent", transport.policy().userAgent());
    String endpointKey = base.host() + ":" + base.port();
    try (Response r = transport.execute(request.build(), endpointKey, true)) {
      if (r.code() == 401 || r.code() == 403) {
        return Optional.empty();
      }
      if (r.code() != 200) {
        throw new AuthenticationFailedException(
            "token endpoint " + base + " answered HTTP " + r.code(), r.code());
      }
      return Optional.of(parse(r.body().bytes(), base));
    }
  }

  private static Token parse(byte[] body, HttpUrl endpoint) throws AuthenticationFailedException {
    try {
      JsonNode n = JSON.readTree(body);
      JsonNode token = n.path("token").isString() ? n.path("token") : n.path("access_token");
      if (!token.isString() || token.stringValue().isEmpty()) {
        throw new AuthenticationFailedException(
            "token endpoint " + endpoint + " answered without token or access_token", 200);
      }
      JsonNode expires = n.path("expires_in");
      Duration lifetime =
          expires.canConvertToLong() && expires.asLong() > 0
              ? Duration.ofSeconds(expires.asLong())
              : DEFAULT_LIFETIME;
      return new Token(token.stringValue(), lifetime);
    } catch (JacksonException e) {
      throw new AuthenticationFailedException(
          "token endpoint " + endpoint + " answered invalid JSON: " + e.getOriginalMessage(), 200);
    }
  }
}
