package dev.harbormaster.host.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightTest {
  @Test
  void drainedWhenEveryReviewHasLeft() throws Exception {
    InFlight inFlight = new InFlight();
    inFlight.enter();

    assertThat(inFlight.awaitDrained(Duration.ofMillis(20))).isFalse();
    assertThat(inFlight.current()).isEqualTo(1);

    inFlight.exit();
    assertThat(inFlight.awaitDrained(Duration.ZERO)).isTrue();
  }
}
