package dev.harbormaster.bench.populator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarmRoundTest {

  @Test
  void ratioIsOursOverSkopeo_belowOneWhenThePopulatorIsFaster() {
    WarmRound round =
        new WarmRound(1, Duration.ofMillis(2000), Duration.ofMillis(500), Duration.ofMillis(12));

    assertThat(round.ratio()).isEqualTo(0.25);
    assertThat(round.row())
        .isEqualTo("|     1 |       2.00 |       0.50 |   0.25 |           12 |");
  }
}
