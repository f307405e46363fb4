package dev.harbormaster.bench.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {
  @Test
  void takesTheMiddleValue_orTheMeanOfTheTwoMiddleOnes() {
    assertThat(Medians.of(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(Medians.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
  }

  @Test
  void refusesAnEmptyList() {
    assertThatThrownBy(() -> Medians.of(List.of())).hasMessageContaining("no values");
  }
}
