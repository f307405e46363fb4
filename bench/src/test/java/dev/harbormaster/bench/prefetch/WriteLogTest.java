package dev.harbormaster.bench.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteLogTest {
  @Test
  void countsWritesPerSecond_andTheMostByOneNodeInsideAWindow() {
    WriteLog log = new WriteLog();
    log.record("a", 100);
    log.record("a", 10_100);
    log.record("b", 200);
    log.record("b", 5_000);
    log.record("b", 9_000);

    assertThat(log.total()).isEqualTo(5);
    assertThat(log.nodes()).isEqualTo(2);
    assertThat(log.perSecond()).isEqualTo(Map.of(0L, 2L, 5L, 1L, 9L, 1L, 10L, 1L));
    assertThat(log.maxPerNodeInWindow(10_000)).as("b wrote 3 times within 10 s").isEqualTo(3);
    assertThat(log.maxPerNodeInWindow(4_000)).isEqualTo(1);
  }

  @Test
  void aWriteExactlyOneWindowLater_startsANewWindow() {
    WriteLog log = new WriteLog();
    log.record("a", 0);
    log.record("a", 10_000);

    assertThat(log.maxPerNodeInWindow(10_000)).isEqualTo(1);
  }
}
