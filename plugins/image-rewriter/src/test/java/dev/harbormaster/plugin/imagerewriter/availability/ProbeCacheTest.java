package dev.harbormaster.plugin.imagerewriter.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.reference.ImageReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** TTLs are tested with a clock the test moves, never by sleeping. */
class ProbeCacheTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final AtomicInteger started = new AtomicInteger();
  private final ProbeCache cache =
      new ProbeCache(Duration.ofSeconds(60), Duration.ofSeconds(10), 3, clock);

  private static ProbeKey key(String image) {
    return new ProbeKey(ImageReference.parse("m.local/" + image), List.of());
  }

  private ProbeCache.Lookup ask(String image, ProbeResult answer) {
    return cache.lookup(
        key(image),
        k -> {
          started.incrementAndGet();
          return CompletableFuture.completedFuture(answer);
        });
  }

  @Test
  void presentAnswer_isKeptForThePositiveTtl() {
    assertThat(ask("a:1", new ProbeResult.Present()).shared()).isFalse();
    now = now.plusSeconds(59);
    assertThat(ask("a:1", new ProbeResult.Present()).shared()).isTrue();
    now = now.plusSeconds(2);
    assertThat(ask("a:1", new ProbeResult.Present()).shared()).isFalse();
    assertThat(started).hasValue(2);
  }

  @Test
  void missingAnswer_isKeptForTheShorterNegativeTtl() {
    ask("a:1", new ProbeResult.Missing("gone"));
    now = now.plusSeconds(9);
    assertThat(ask("a:1", new ProbeResult.Missing("gone")).shared()).isTrue();
    now = now.plusSeconds(2);
    assertThat(ask("a:1", new ProbeResult.Missing("gone")).shared()).isFalse();
  }

  @Test
  void failure_isNeverKept() {
    ask("a:1", new ProbeResult.Failed("HTTP 429"));
    assertThat(ask("a:1", new ProbeResult.Present()).shared()).isFalse();
    assertThat(started).hasValue(2);
  }

  @Test
  void requestInFlight_isShared() {
    CompletableFuture<ProbeResult> inFlight = new CompletableFuture<>();
    ProbeCache.Lookup first = cache.lookup(key("b:1"), k -> inFlight);
    ProbeCache.Lookup second =
        cache.lookup(
            key("b:1"),
            k -> {
              throw new AssertionError("second request started");
            });

    assertThat(first.shared()).isFalse();
    assertThat(second.shared()).isTrue();
    assertThat(second.result()).isSameAs(inFlight);
  }

  @Test
  void boundedSize_dropsExpiredThenFinishedAnswers() {
    ask("a:1", new ProbeResult.Missing("x"));
    ask("b:1", new ProbeResult.Present());
    ask("c:1", new ProbeResult.Present());
    now = now.plusSeconds(30); // a:1 expired
    ask("d:1", new ProbeResult.Present());
    assertThat(cache.size()).isEqualTo(3);
    ask("e:1", new ProbeResult.Present());
    assertThat(cache.size()).isEqualTo(3);
  }
}
