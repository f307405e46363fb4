package dev.harbormaster.bench.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PopulatorReportTest {
  private static WrkResult result(double rps, double p50Ms, double p99Ms) {
    return new WrkResult(rps, (long) (p50Ms * 1e6), (long) (p99Ms * 1e6), (long) rps * 8, 0, 0, 0);
  }

  private static RateResult rate(double p99Ms) {
    return new RateResult(
        1000, 999.6, 20000, 0, 500_000, 800_000, (long) (p99Ms * 1e6), 4_000_000, 9_000_000);
  }

  private static Map<String, List<WrkResult>> runs() {
    Map<String, List<WrkResult>> runs = new LinkedHashMap<>();
    runs.put("bare", List.of(result(9000, 1, 4), result(9000, 1, 4), result(9000, 1, 4)));
    runs.put(
        "validate-deny-latest",
        List.of(result(6000, 2, 8), result(4000, 2, 8), result(5000, 2, 8)));
    runs.put(
        "validate-populator",
        List.of(result(5400, 3, 12), result(3200, 3, 12), result(4000, 3, 12)));
    return runs;
  }

  @Test
  void mediansAndWithWithoutRatios_ofTheSameRun() {
    String report = PopulatorReport.markdown(runs(), 6787, "127.0.0.1:5000", 0, Optional.empty());

    assertThat(report)
        .contains("| validate-deny-latest | 2 | 4000 | 2.00 ms | 8.00 ms | 0 |")
        .contains("| validate-populator | 3 | 4000 | 3.00 ms | 12.00 ms | 0 |")
        .contains("| validate-deny-latest | 5000 | 2.00 ms | 8.00 ms |")
        .contains("| validate-populator | 4000 | 3.00 ms | 12.00 ms |")
        // medians 4000 / 5000; per round 0.9, 0.8, 0.8
        .contains("requests/s 0.80 (paired per round 0.80), p50 1.50, p99 1.50")
        .contains("127.0.0.1:5000")
        .contains("while measuring: 0 (ok")
        .doesNotContain("Constant rate");
  }

  @Test
  void constantRateRows_andTheirP99Ratio() {
    String report =
        PopulatorReport.markdown(
            runs(),
            6787,
            "127.0.0.1:5000",
            0,
            Optional.of(new PopulatorReport.Rates(rate(2), rate(3))));

    assertThat(report)
        .contains("Constant rate 1000 req/s")
        .contains("| validate-deny-latest | 1000 | 0.50 ms | 2.00 ms | 4.00 ms | 0 |")
        .contains("| validate-populator | 1000 | 0.50 ms | 3.00 ms | 4.00 ms | 0 |")
        .contains("p99 with/without at a fixed rate: 1.50.");
  }

  @Test
  void warmsWhileMeasuring_areFlagged() {
    String report = PopulatorReport.markdown(runs(), 6787, "127.0.0.1:5000", 4, Optional.empty());

    assertThat(report).contains("while measuring: 4 (NOT deduplicated");
  }
}
