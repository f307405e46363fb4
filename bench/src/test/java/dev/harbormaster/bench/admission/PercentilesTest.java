package dev.harbormaster.bench.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRank_ofOneToOneThousand() {
    long[] samples = LongStream.rangeClosed(1, 1000).map(i -> 1001 - i).toArray();

    assertThat(Percentiles.of(samples, 1000))
        .isEqualTo(new Percentiles(1000, 500, 900, 990, 999, 1000));
  }

  @Test
  void usesOnlyTheRecordedPrefix() {
    long[] samples = {30, 10, 20, 0, 0};

    assertThat(Percentiles.of(samples, 3)).isEqualTo(new Percentiles(3, 20, 30, 30, 30, 30));
  }

  @Test
  void noSamples_isAnError() {
    assertThatThrownBy(() -> Percentiles.of(new long[0], 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
