package dev.harbormaster.oci.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(5, Duration.ofMillis(100), Duration.ofMillis(1000));

  @RepeatedTest(20)
  void delaysStayWithinTheExponentialCap() {
    assertThat(backoff.delayBefore(1)).isBetween(Duration.ZERO, Duration.ofMillis(100));
    assertThat(backoff.delayBefore(3)).isBetween(Duration.ZERO, Duration.ofMillis(400));
    assertThat(backoff.delayBefore(30)).isBetween(Duration.ZERO, Duration.ofMillis(1000));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new Backoff(0, Duration.ZERO, Duration.ZERO))
        .hasMessage("maxAttempts must be >= 1, got 0");
  }
}
