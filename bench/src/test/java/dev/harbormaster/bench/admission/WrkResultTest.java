package dev.harbormaster.bench.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WrkResultTest {
  private static String fixture(String name) throws IOException {
    try (InputStream in = WrkResultTest.class.getResourceAsStream("/admission/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parsesThroughputAndLatencyPercentiles_inEveryUnit() throws IOException {
    WrkResult result = WrkResult.parse(fixture("wrk-report.txt"));

    assertThat(result).isEqualTo(new WrkResult(7706.45, 1_930_000, 587_000, 115_604, 0, 0, 0));
  }

  @Test
  void countsNon2xxAnswersAndSocketErrorsAsFailed_andReadsSeconds() throws IOException {
    WrkResult result = WrkResult.parse(fixture("wrk-report-errors.txt"));

    assertThat(result.failed()).isEqualTo(5 + 3 + 12);
    assertThat(result.p99Nanos()).isEqualTo(1_350_000_000L);
    assertThat(result.p50Nanos()).isEqualTo(522_070_000L);
  }

  @Test
  void reportWithoutLatencyDistribution_isRejectedNamingWhatIsMissing() {
    assertThatThrownBy(() -> WrkResult.parse("Requests/sec: 10.0\n  5 requests in 1.00s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("50% latency (run wrk with --latency)");
  }
}
