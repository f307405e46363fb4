package dev.harbormaster.testkit.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /token} handler of a {@link TokenServer}: authenticates the client (HTTP Basic on
 * {@code GET}, or the OAuth2 password grant on {@code POST}), grants scopes by {@link TokenPolicy},
 * signs the JWT and records the request.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">Token authentication
 *     specification</a>
 */
final class TokenEndpoint implements HttpHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TokenPolicy policy;
  private final TokenSigner signer;
  private final Duration lifetime;
  private final String service;
  private final String issuer;
  private final Consumer<TokenRequest> requests;

  TokenEndpoint(
      TokenPolicy policy,
      TokenSigner signer,
      Duration lifetime,
      String service,
      String issuer,
      Consumer<TokenRequest> requests) {
    this.policy = policy;
    this.signer = signer;
    this.lifetime = lifetime;
    this.service = service;
    this.issuer = issuer;
    this.requests = requests;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> params = parseForm(exchange.getRequestURI().getRawQuery());
      String method = exchange.getRequestMethod();
      Optional<Credentials> presented = basicCredentials(exchange);
      if (method.equals("POST")) {
        Map<String, List<String>> form =
            parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        form.forEach((k, v) -> params.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        if (!first(params, "grant_type").equals("password")) {
          respond(exchange, method, presented, params, List.of(), 400, "unsupported_grant_type");
          return;
        }
        if (!first(params, "username").isEmpty()) {
          presented =
              Optional.of(new Credentials(first(params, "username"), first(params, "password")));
        }
      }
      List<TokenScope> requested = TokenScope.parseAll(params.getOrDefault("scope", List.of()));
      boolean known =
          presented.map(c -> policy.authenticates(c.username(), c.password())).orElse(false);
      if (presented.isPresent() ? !known : !policy.allowsAnonymous()) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"token\"");
        respond(exchange, method, presented, params, requested, 401, "unauthorized");
        return;
      }
      Optional<String> user = presented.map(Credentials::username);
      List<TokenScope> granted = policy.grant(user, requested);
      Instant now = Instant.now();
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("iss", issuer);
      claims.put("sub", user.orElse(""));
      claims.put("aud", service);
      claims.put("exp", now.plus(lifetime).getEpochSecond());
      claims.put("nbf", now.minusSeconds(10).getEpochSecond());
      claims.put("iat", now.getEpochSecond());
      claims.put("jti", UUID.randomUUID().toString());
      claims.put("access", granted.stream().map(TokenEndpoint::accessEntry).toList());
      String token = signer.sign(claims);
      byte[] body =
          JSON.writeValueAsBytes(
              Map.of(
                  "token",
                  token,
                  "access_token",
                  token,
                  "expires_in",
                  lifetime.toSeconds(),
                  "issued_at",
                  now.toString()));
      requests.accept(
          new TokenRequest(method, user, first(params, "service"), requested, granted, 200));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } catch (RuntimeException e) {
      byte[] body = ("token server error: " + e).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(400, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static Map<String, Object> accessEntry(TokenScope scope) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("type", scope.type());
    entry.put("name", scope.name());
    entry.put("actions", List.copyOf(new TreeSet<>(scope.actions())));
    return entry;
  }

  private void respond(
      HttpExchange exchange,
      String method,
      Optional<Credentials> presented,
      Map<String, List<String>> params,
      List<TokenScope> requested,
      int status,
      String error)
      throws IOException {
    requests.accept(
        new TokenRequest(
            method,
            presented.map(Credentials::username),
            first(params, "service"),
            requested,
            List.of(),
            status));
    byte[] body = JSON.writeValueAsBytes(Map.of("error", error));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static Optional<Credentials> basicCredentials(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded =
        new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    if (colon <= 0 || colon == decoded.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  private static Map<String, List<String>> parseForm(String raw) {
    Map<String, List<String>> params = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String first(Map<String, List<String>> params, String key) {
    List<String> values = params.get(key);
    return values == null || values.isEmpty() ? "" : values.getFirst();
  }
}
