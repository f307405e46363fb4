package dev.harbormaster.bench.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewriterReportTest {
  private static WrkResult result(double rps, double p50Ms, double p99Ms) {
    return new WrkResult(rps, (long) (p50Ms * 1e6), (long) (p99Ms * 1e6), (long) rps * 8, 0, 0, 0);
  }

  private static Map<String, List<WrkResult>> runs() {
    Map<String, List<WrkResult>> runs = new LinkedHashMap<>();
    runs.put("bare", List.of(result(9000, 1, 4)));
    runs.put("bare-create", List.of(result(8000, 1, 4), result(12000, 1, 4), result(10000, 1, 4)));
    runs.put("stamp-create", List.of(result(5000, 2, 8), result(5000, 2, 8), result(5000, 2, 8)));
    runs.put("rewrite", List.of(result(4000, 3, 10), result(4000, 3, 10), result(4000, 3, 10)));
    runs.put(
        "rewrite-checked", List.of(result(2500, 4, 16), result(2000, 4, 16), result(3000, 4, 16)));
    return runs;
  }

  @Test
  void mediansAndRatios_toBareAndToTheStampHost() {
    String report =
        RewriterReport.markdown(
            runs(),
            6787,
            new RewriterVariants.HeadCount(0, 8, Duration.ofSeconds(130)),
            "127.0.0.1:5000");

    assertThat(report)
        .contains(
            "| stamp-create | 5000 | 2.00 ms | 8.00 ms | 0.50 | 1.00 | 1.00 | 1.00 | 0.50 | 1.00 |")
        .contains(
            "| rewrite | 4000 | 3.00 ms | 10.00 ms | 0.40 | 0.80 | 1.50 | 1.25 | 0.40 | 0.80 |")
        .contains(
            "| rewrite-checked | 2500 | 4.00 ms | 16.00 ms | 0.25 | 0.50 | 2.00 | 2.00 | 0.30 | 0.50 |")
        .contains("| rewrite-checked | 3 | 3000 | 4.00 ms | 16.00 ms | 0 |")
        .contains("0 manifest HEADs in 130 s")
        .contains("allow 8")
        .contains(": ok");
  }

  @Test
  void pairedRatio_isTheMedianOfTheRatiosWithinEachRound() {
    List<WrkResult> target = List.of(result(300, 1, 1), result(900, 1, 1), result(100, 1, 1));
    List<WrkResult> reference = List.of(result(1000, 1, 1), result(1000, 1, 1), result(200, 1, 1));

    // per round 0.3, 0.9, 0.5; the ratio of medians would be 300 / 1000 = 0.3
    assertThat(RewriterReport.pairedRatio(target, reference)).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void moreHeadsThanRefreshes_areFlagged() {
    String report =
        RewriterReport.markdown(
            runs(),
            6787,
            new RewriterVariants.HeadCount(9, 8, Duration.ofSeconds(130)),
            "127.0.0.1:5000");

    assertThat(report).contains("9 manifest HEADs").contains("MORE than refreshes explain");
  }
}
