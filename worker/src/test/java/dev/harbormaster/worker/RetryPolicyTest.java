package dev.harbormaster.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(20, Duration.ofSeconds(1), Duration.ofMinutes(10));

  @Test
  void ceilingDoublesPerRetry_untilTheCap() {
    assertThat(policy.ceilingBefore(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.ceilingBefore(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.ceilingBefore(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(policy.ceilingBefore(10)).isEqualTo(Duration.ofSeconds(512));
    assertThat(policy.ceilingBefore(11)).isEqualTo(Duration.ofMinutes(10));
    assertThat(policy.ceilingBefore(1000)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void delayIsFullJitter_betweenZeroAndTheCeiling() {
    SplittableRandom random = new SplittableRandom(42);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 10_000; i++) {
      long ms = policy.delayBefore(3, random).toMillis();
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    assertThat(min).isBetween(0L, 40L);
    assertThat(max).isBetween(3960L, 4000L);
  }

  @Test
  void delayNeverExceedsTenMinutes() {
    SplittableRandom random = new SplittableRandom(7);
    for (int retry = 1; retry < 100; retry++) {
      assertThat(policy.delayBefore(retry, random)).isLessThanOrEqualTo(Duration.ofMinutes(10));
    }
  }

  @Test
  void allowsAnotherAttempt_onlyBelowMaxAttempts() {
    RetryPolicy three = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(1));
    assertThat(three.allowsAnotherAfter(2)).isTrue();
    assertThat(three.allowsAnotherAfter(3)).isFalse();
    assertThat(new RetryPolicy(1, Duration.ZERO, Duration.ZERO).allowsAnotherAfter(1)).isFalse();
  }

  @Test
  void rejectsCapAboveTenMinutes_andNoAttempts_namingTheValue() {
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(11)))
        .hasMessageContaining("cap")
        .hasMessageContaining("PT11M");
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofMinutes(1)))
        .hasMessageContaining("maxAttempts")
        .hasMessageContaining("0");
  }
}
