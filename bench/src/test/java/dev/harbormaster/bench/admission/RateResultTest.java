package dev.harbormaster.bench.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateResultTest {
  @Test
  void parsesTheResultLine_amongOtherOutput() {
    String output =
        "WARNING: something\n"
            + "RESULT {\"rate\":1000,\"achievedRate\":999.8,\"measured\":20000,\"failed\":0,"
            + "\"p50\":900000,\"p90\":1500000,\"p99\":3200000,\"p999\":7000000,\"max\":9000000}\n";

    assertThat(RateResult.parse(output))
        .isEqualTo(
            new RateResult(
                1000, 999.8, 20000, 0, 900_000, 1_500_000, 3_200_000, 7_000_000, 9_000_000));
  }

  @Test
  void outputWithoutResult_isRejectedWithTheOutput() {
    assertThatThrownBy(() -> RateResult.parse("Exception in thread main"))
        .hasMessageContaining("printed no RESULT")
        .hasMessageContaining("Exception in thread main");
  }
}
