package dev.harbormaster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {
  @Test
  void letsOneLineThroughPerInterval_andCountsTheRest() {
    MutableClock clock = new MutableClock();
    RateLimitedLog log = new RateLimitedLog(Duration.ofMinutes(1), clock);
    assertThat(log.tryLog()).isZero();
    assertThat(log.tryLog()).isEqualTo(-1);
    assertThat(log.tryLog()).isEqualTo(-1);
    clock.advance(Duration.ofSeconds(59));
    assertThat(log.tryLog()).isEqualTo(-1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(log.tryLog()).isEqualTo(3);
    assertThat(log.tryLog()).isEqualTo(-1);
  }
}
