package dev.harbormaster.oci.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RegistryThrottleTest {

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

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
  }

  @Test
  void pause_appliesToTheWholeRegistry_andOnlyToIt() {
    MutableClock clock = new MutableClock();
    RegistryThrottle throttle = new RegistryThrottle(2, clock);

    throttle.pause("quay.io", Duration.ofSeconds(30));
    throttle.pause("quay.io", Duration.ofSeconds(5)); // a shorter pause never shortens

    assertThat(throttle.remainingPause("quay.io")).isEqualTo(Duration.ofSeconds(30));
    assertThat(throttle.remainingPause("ghcr.io")).isZero();
    clock.now = clock.now.plusSeconds(31);
    assertThat(throttle.remainingPause("quay.io")).isZero();
  }

  @Test
  void limitsConcurrentRequestsPerRegistry() throws Exception {
    RegistryThrottle throttle = new RegistryThrottle(1, Clock.systemUTC());
    throttle.acquire("a");
    Thread other =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    throttle.acquire("a");
                    throttle.release("a");
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    throttle.acquire("b"); // other registries are not blocked
    throttle.release("b");
    assertThat(other.join(Duration.ofMillis(200))).isFalse();
    throttle.release("a");
    other.join();
    assertThat(other.isAlive()).isFalse();
  }
}
