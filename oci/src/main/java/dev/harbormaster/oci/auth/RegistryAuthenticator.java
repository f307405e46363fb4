package dev.harbormaster.oci.auth;

import dev.harbormaster.oci.transport.HttpTransport;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Produces the {@code Authorization} header for registry requests and reacts to 401 answers.
 *
 * <p>The first request to a registry goes out without credentials; its 401 {@code WWW-Authenticate}
 * challenge is remembered per registry. Then:
 *
 * <ul>
 *   <li>{@code Basic}: the first candidate credential of the {@link Keyring} is sent; a rejected
 *       one is skipped on the next attempt.
 *   <li>{@code Bearer}: a token for the request's scopes (several scopes per token) is fetched from
 *       the realm with each candidate credential in turn, then anonymously, and cached per
 *       (registry, user, scope set) until 80% of {@code expires_in} (default 60 s).
 *   <li>{@code error="insufficient_scope"} adds the challenge's scopes and retries once; any other
 *       401 drops the cached token and re-authenticates once.
 * </ul>
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">token
 *     authentication</a>
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI
 *     distribution spec</a>
 */
public final class RegistryAuthenticator {
  /**
   * What to do after a 401.
   *
   * @param retry whether another attempt may succeed
   * @param scopes the scopes to request on that attempt
   */
  public record Retry(boolean retry, Set<Scope> scopes) {}

  private final Keyring keyring;
  private final TokenFetcher fetcher;
  private final TokenCache cache;
  private final ConcurrentHashMap<String, AuthChallenge> challenges = new ConcurrentHashMap<>();
  private final Set<String> rejectedBasic = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<String, String> rejections = new ConcurrentHashMap<>();
  // One token fetch per (registry, scope set) at a time: parallel blob copies share the token.
  private final ConcurrentHashMap<String, ReentrantLock> fetchLocks = new ConcurrentHashMap<>();

  /**
   * @param transport used to reach token endpoints (under the same policy as registries)
   * @param keyring the credentials
   * @param clock the time source for token expiry
   */
  public RegistryAuthenticator(HttpTransport transport, Keyring keyring, Clock clock) {
    this.keyring = keyring;
    this.fetcher = new TokenFetcher(transport);
    this.cache = new TokenCache(clock);
  }

  /**
   * The {@code Authorization} value for a request to {@code repository} on {@code registry} that
   * needs {@code scopes}; empty for an anonymous request (no challenge seen yet, or no usable
   * credential).
   *
   * @throws AuthenticationFailedException when a token endpoint answers something unusable
   */
  public Optional<String> authorization(String registry, String repository, Set<Scope> scopes)
      throws IOException {
    AuthChallenge challenge = challenges.get(registry);
    if (challenge == null) {
      return Optional.empty();
    }
    List<Credential> candidates = keyring.credentialsFor(registry, repository);
    if (challenge.isBasic()) {
      return candidates.stream()
          .filter(c -> !rejectedBasic.contains(registry + "\n" + c.username()))
          .findFirst()
          .map(Credential::basicAuthorization);
    }
    if (!challenge.isBearer()) {
      return Optional.empty();
    }
    ReentrantLock lock =
        fetchLocks.computeIfAbsent(
            TokenCache.key(registry, repository, scopes), k -> new ReentrantLock());
    lock.lock();
    try {
      return bearer(registry, challenge, candidates, scopes);
    } finally {
      lock.unlock();
    }
  }

  private Optional<String> bearer(
      String registry, AuthChallenge challenge, List<Credential> candidates, Set<Scope> scopes)
      throws IOException {
    List<Optional<Credential>> attempts = new ArrayList<>();
    candidates.forEach(c -> attempts.add(Optional.of(c)));
    attempts.add(Optional.empty());
    List<String> rejected = new ArrayList<>();
    for (Optional<Credential> c : attempts) {
      String key = TokenCache.key(registry, c.map(Credential::username).orElse(""), scopes);
      Optional<String> cached = cache.get(key);
      if (cached.isPresent()) {
        return Optional.of("Bearer " + cached.get());
      }
      Optional<TokenFetcher.Token> token = fetcher.fetch(challenge, scopes, c);
      if (token.isPresent()) {
        cache.put(key, token.get().value(), token.get().lifetime());
        if (!rejected.isEmpty()) {
          rejections.put(registry, "token endpoint rejected user(s) " + rejected);
        }
        return Optional.of("Bearer " + token.get().value());
      }
      rejected.add(c.map(Credential::username).orElse("anonymous"));
    }
    String message =
        "token endpoint "
            + challenge.realm().orElse("?")
            + " refused "
            + String.join(", ", rejected)
            + " for "
            + scopes;
    rejections.put(registry, message);
    throw new AuthenticationFailedException(message, 401);
  }

  /**
   * Learns from a 401 answer to a request that needed {@code scopes}.
   *
   * @param sentAuthorization the {@code Authorization} value the rejected request carried
   */
  public Retry onUnauthorized(
      String registry,
      String repository,
      Set<Scope> scopes,
      String wwwAuthenticate,
      Optional<String> sentAuthorization) {
    Optional<AuthChallenge> parsed = AuthChallenge.parse(wwwAuthenticate);
    if (parsed.isEmpty()) {
      return new Retry(false, scopes);
    }
    AuthChallenge challenge = parsed.get();
    AuthChallenge previous = challenges.put(registry, challenge);
    boolean learned = previous == null || !previous.scheme().equals(challenge.scheme());
    List<Credential> candidates = keyring.credentialsFor(registry, repository);
    if (challenge.isBasic()) {
      sentAuthorization.ifPresent(
          sent ->
              candidates.stream()
                  .filter(c -> c.basicAuthorization().equals(sent))
                  .forEach(c -> rejectBasic(registry, c)));
      boolean untried =
          candidates.stream()
              .anyMatch(c -> !rejectedBasic.contains(registry + "\n" + c.username()));
      return new Retry(untried && (learned || sentAuthorization.isPresent()), scopes);
    }
    if (!challenge.isBearer()) {
      return new Retry(false, scopes);
    }
    Set<Scope> wanted = new HashSet<>(scopes);
    if (challenge.isInsufficientScope()) {
      wanted.addAll(challenge.scopes());
    }
    Set<Scope> merged = Scope.merge(wanted);
    for (Credential c : candidates) {
      cache.invalidate(TokenCache.key(registry, c.username(), scopes));
    }
    cache.invalidate(TokenCache.key(registry, "", scopes));
    return new Retry(true, merged);
  }

  /** Why credentials were last refused for {@code registry}, for error messages. */
  public Optional<String> lastRejection(String registry) {
    return Optional.ofNullable(rejections.get(registry));
  }

  private void rejectBasic(String registry, Credential c) {
    rejectedBasic.add(registry + "\n" + c.username());
    rejections.put(registry, "registry rejected the password of user " + c.username());
  }
}
