package dev.harbormaster.testkit.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny registry token endpoint (the {@code realm} of a token-auth {@link RegistryPeer}) on a free
 * 127.0.0.1 port, built on the JDK's {@code com.sun.net.httpserver}. It mints RS256 JWTs that
 * docker-registry accepts, for configured users (HTTP Basic on {@code GET /token}, or the OAuth2
 * password grant on {@code POST /token}), grants the requested scopes (optionally restricted per
 * user) and records every request.
 *
 * <pre>{@code
 * try (TokenServer tokens = TokenServer.builder()
 *         .user("alice", "s3cret")                        // may do anything
 *         .user("bob", "pw").restrict("bob", "public/.*", "pull") // pull of public/* only
 *         .anonymousPull()                                // anonymous clients may pull
 *         .tokenLifetime(Duration.ofMinutes(5))           // expires_in
 *         .start();
 *     RegistryPeer registry = RegistryPeer.builder().tokenAuth(tokens).start()) {
 *   ...
 *   assertThat(tokens.requests()).extracting(TokenRequest::status).containsOnly(200);
 * }
 * }</pre>
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">Token authentication
 *     specification</a>
 * @see <a href="https://distribution.github.io/distribution/spec/auth/oauth/">OAuth2 token
 *     specification</a>
 */
public final class TokenServer implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final TokenSigner signer = new TokenSigner();
  private final TokenPolicy policy;
  private final Duration lifetime;
  private final String service;
  private final String issuer;
  private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();

  private TokenServer(TokenPolicy policy, Duration lifetime, String service, String issuer) {
    this.policy = policy;
    this.lifetime = lifetime;
    this.service = service;
    this.issuer = issuer;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the token server on 127.0.0.1", e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/token", this::handle);
    server.start();
  }

  /** A builder; without users or {@link Builder#anonymousPull()} every request is refused. */
  public static Builder builder() {
    return new Builder();
  }

  /** The realm URL, {@code http://127.0.0.1:PORT/token}. */
  public URI realm() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  /** The service name the registry expects as audience ({@code "test"} by default). */
  public String service() {
    return service;
  }

  /** The issuer claim ({@code "test-issuer"} by default). */
  public String issuer() {
    return issuer;
  }

  /** The PEM certificate whose key signs tokens (the registry's {@code rootcertbundle}). */
  public String certificatePem() {
    return signer.certificatePem();
  }

  /** Every request so far, oldest first. */
  public List<TokenRequest> requests() {
    return List.copyOf(requests);
  }

  /** Stops the HTTP server. */
  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
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
      claims.put("access", granted.stream().map(TokenServer::accessEntry).toList());
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
      requests.add(
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
    requests.add(
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

  /** Users, rules and token lifetime of a {@link TokenServer}. */
  public static final class Builder {
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, List<TokenPolicy.Rule>> rules = new HashMap<>();
    private Set<String> anonymousActions = Set.of();
    private Duration lifetime = Duration.ofMinutes(5);
    private String service = "test";
    private String issuer = "test-issuer";

    private Builder() {}

    /** A user who may authenticate; gets every requested action unless {@link #restrict}ed. */
    public Builder user(String username, String password) {
      Credentials valid = new Credentials(username, password);
      passwords.put(valid.username(), valid.password());
      return this;
    }

    /**
     * Restricts {@code username} to the listed actions on repositories matching the regex {@code
     * repositoryRegex}; call again to add rules. Action {@code "*"} grants whatever is requested.
     */
    public Builder restrict(String username, String repositoryRegex, String... actions) {
      if (!passwords.containsKey(username)) {
        throw new IllegalArgumentException(
            "restrict(): unknown user '" + username + "', add it with user() first");
      }
      rules
          .computeIfAbsent(username, u -> new ArrayList<>())
          .add(new TokenPolicy.Rule(Pattern.compile(repositoryRegex), Set.of(actions)));
      return this;
    }

    /** Anonymous clients get tokens with {@code pull} (and nothing else). */
    public Builder anonymousPull() {
      anonymousActions = Set.of("pull");
      return this;
    }

    /** Token lifetime, sent as {@code expires_in} and used for {@code exp} (default 5 min). */
    public Builder tokenLifetime(Duration tokenLifetime) {
      if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
        throw new IllegalArgumentException("tokenLifetime must be positive, got " + tokenLifetime);
      }
      lifetime = tokenLifetime;
      return this;
    }

    /** Service name (audience) and issuer written into tokens and the registry config. */
    public Builder serviceAndIssuer(String serviceName, String issuerName) {
      service = serviceName;
      issuer = issuerName;
      return this;
    }

    /** Starts the server. */
    public TokenServer start() {
      return new TokenServer(
          new TokenPolicy(passwords, rules, anonymousActions), lifetime, service, issuer);
    }
  }
}
