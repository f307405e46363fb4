package dev.harbormaster.host.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewBudgetTest {
  @Test
  void defaultTimeout_isTenSecondsMinusOneSecondMargin() {
    assertThat(ReviewBudget.fromTimeoutParam(Optional.empty())).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void apiServerTimeout_isUsedMinusAMargin() {
    assertThat(ReviewBudget.fromTimeoutParam(Optional.of("5s"))).isEqualTo(Duration.ofSeconds(4));
    assertThat(ReviewBudget.fromTimeoutParam(Optional.of("1s"))).isEqualTo(Duration.ofMillis(800));
    assertThat(ReviewBudget.fromTimeoutParam(Optional.of("2000ms")))
        .isEqualTo(Duration.ofMillis(1600));
  }

  @Test
  void timeoutsAboveThirtySeconds_areCapped() {
    assertThat(ReviewBudget.fromTimeoutParam(Optional.of("90s"))).isEqualTo(Duration.ofSeconds(29));
  }

  @Test
  void unreadableOrZeroTimeouts_fallBackToTheDefault() {
    assertThat(ReviewBudget.fromTimeoutParam(Optional.of("soon"))).isEqualTo(Duration.ofSeconds(9));
    assertThat(ReviewBudget.fromTimeoutParam(Optional.of("0s"))).isEqualTo(Duration.ofSeconds(9));
  }
}
