package dev.harbormaster.testkit.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

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

  private final HttpServer server;
  private final TokenSigner signer = new TokenSigner();
  private final String service;
  private final String issuer;
  private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();

  private TokenServer(TokenPolicy policy, Duration lifetime, String service, String issuer) {
    this.service = service;
    this.issuer = issuer;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the token server on 127.0.0.1", e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/token", new TokenEndpoint(policy, signer, lifetime, service, issuer, requests::add));
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
