package dev.harbormaster.bench.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkRunTest {

  @Test
  void childCpu_isUserPlusSystemFromTheSecondLineOfTimes() {
    String report = "Requests/sec:   7706.45\n\n0m0.001000s 0m0.002000s\n1m2.500000s 0m0.250000s\n";

    assertThat(WrkRun.childCpuNanos(report)).isEqualTo(62_750_000_000L);
  }

  @Test
  void reportWithoutTimes_isRejected() {
    assertThatThrownBy(() -> WrkRun.childCpuNanos("Requests/sec: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("times");
  }

  @Test
  void cpuRatio_isBareCostOverHostCost() {
    WrkResult bare = new WrkResult(10_000, 1, 1, 100_000, 0, 10_000_000_000L, 5_000_000_000L);
    WrkResult host = new WrkResult(5_000, 1, 1, 50_000, 0, 8_000_000_000L, 2_500_000_000L);

    assertThat(bare.cpuMicrosPerRequest()).isEqualTo(150.0);
    assertThat(host.cpuMicrosPerRequest()).isEqualTo(210.0);
    assertThat(BenchReport.cpuSummary(java.util.List.of(bare), java.util.List.of(host)))
        .contains("bare 150.0 us (server 100.0 us), host 210.0 us (server 160.0 us)")
        .contains("(bare cost / host cost): 0.71** (target >= 0.70: met");
  }
}
