package dev.harbormaster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DedupLedgerTest {
  private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void activeKeys_areBusyUntilFinished_thenForTheTtl() {
    DedupLedger ledger = new DedupLedger(Duration.ofMinutes(10), 100);
    ledger.begin("a");
    assertThat(ledger.isBusy("a", t0)).isTrue();
    ledger.finish("a", t0);
    assertThat(ledger.isBusy("a", t0.plus(Duration.ofMinutes(9)))).isTrue();
    assertThat(ledger.isBusy("a", t0.plus(Duration.ofMinutes(10)))).isFalse();
  }

  @Test
  void zeroTtl_forgetsAtOnce() {
    DedupLedger ledger = new DedupLedger(Duration.ZERO, 100);
    ledger.begin("a");
    ledger.finish("a", t0);
    assertThat(ledger.isBusy("a", t0)).isFalse();
  }

  @Test
  void remembersAtMostMaxRemembered_forgettingTheOldest() {
    DedupLedger ledger = new DedupLedger(Duration.ofHours(1), 2);
    ledger.finish("a", t0);
    ledger.finish("b", t0.plusSeconds(1));
    ledger.finish("c", t0.plusSeconds(2));
    assertThat(ledger.remembered()).isEqualTo(2);
    assertThat(ledger.isBusy("a", t0.plusSeconds(3))).isFalse();
    assertThat(ledger.isBusy("b", t0.plusSeconds(3))).isTrue();
    assertThat(ledger.isBusy("c", t0.plusSeconds(3))).isTrue();
  }

  @Test
  void abandon_releasesTheKey() {
    DedupLedger ledger = new DedupLedger(Duration.ofHours(1), 10);
    ledger.begin("a");
    ledger.abandon("a");
    assertThat(ledger.isBusy("a", t0)).isFalse();
  }
}
