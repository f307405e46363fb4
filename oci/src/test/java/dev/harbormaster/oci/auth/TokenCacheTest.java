package dev.harbormaster.oci.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void refreshesEarly_at80PercentOfTheLifetime() {
    TokenCache cache = new TokenCache(clock);
    String key = TokenCache.key("r", "u", Set.of(Scope.pull("a")));
    cache.put(key, "t", Duration.ofSeconds(60));

    now = now.plusSeconds(47);
    assertThat(cache.get(key)).contains("t");
    now = now.plusSeconds(1);
    assertThat(cache.get(key)).isEmpty();
  }

  @Test
  void keysDependOnRegistryUserAndScopeSet_notOnScopeOrder() {
    Set<Scope> ab = Set.of(Scope.pull("a"), Scope.pullPush("b"));
    assertThat(TokenCache.key("r", "u", ab))
        .isEqualTo(TokenCache.key("r", "u", Set.of(Scope.pullPush("b"), Scope.pull("a"))))
        .isNotEqualTo(TokenCache.key("r", "v", ab))
        .isNotEqualTo(TokenCache.key("s", "u", ab))
        .isNotEqualTo(TokenCache.key("r", "u", Set.of(Scope.pull("a"))));
  }

  @Test
  void invalidate_dropsTheToken() {
    TokenCache cache = new TokenCache(clock);
    cache.put("k", "t", Duration.ofMinutes(5));
    cache.invalidate("k");
    assertThat(cache.get("k")).isEmpty();
  }
}
