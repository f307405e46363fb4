package dev.harbormaster.oci.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens per (registry, user, scope set). A token is used until 80% of its lifetime has
 * passed, so that it is refreshed before it expires in the middle of an operation.
 */
final class TokenCache {
  private record Entry(String token, Instant refreshAt) {}

  private final ConcurrentHashMap<String, Entry> tokens = new ConcurrentHashMap<>();
  private final Clock clock;

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  static String key(String registry, String user, Set<Scope> scopes) {
    TreeSet<String> sorted = new TreeSet<>();
    scopes.forEach(s -> sorted.add(s.toString()));
    return registry + "\n" + user + "\n" + String.join(" ", sorted);
  }

  Optional<String> get(String key) {
    Entry e = tokens.get(key);
    if (e == null || !clock.instant().isBefore(e.refreshAt)) {
      return Optional.empty();
    }
    return Optional.of(e.token);
  }

  void put(String key, String token, Duration lifetime) {
    Duration early = lifetime.multipliedBy(8).dividedBy(10);
    tokens.put(key, new Entry(token, clock.instant().plus(early)));
  }

  void invalidate(String key) {
    tokens.remove(key);
  }
}
