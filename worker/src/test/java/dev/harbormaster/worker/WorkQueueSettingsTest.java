package dev.harbormaster.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkQueueSettingsTest {
  @Test
  void defaults_areBoundedAndCappedAtTenMinutes() {
    WorkQueueSettings s = WorkQueueSettings.defaults();
    assertThat(s.capacity()).isEqualTo(1000);
    assertThat(s.workers()).isEqualTo(4);
    assertThat(s.retry().cap()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.replaceQueued()).isFalse();
  }

  @Test
  void copies_changeOneAspect() {
    WorkQueueSettings s = WorkQueueSettings.defaults().withCapacity(5).withWorkers(2, 1);
    assertThat(s.capacity()).isEqualTo(5);
    assertThat(s.workers()).isEqualTo(2);
    assertThat(s.perHostConcurrency()).isEqualTo(1);
    assertThat(s.withDedupTtl(Duration.ZERO).dedupTtl()).isZero();
    assertThat(s.withReplaceQueued(true).replaceQueued()).isTrue();
  }

  @Test
  void badValues_nameTheFieldAndValue() {
    assertThatThrownBy(() -> WorkQueueSettings.defaults().withCapacity(0))
        .hasMessage("capacity must be at least 1, got 0");
    assertThatThrownBy(() -> WorkQueueSettings.defaults().withWorkers(1, 0))
        .hasMessage("perHostConcurrency must be at least 1, got 0");
    assertThatThrownBy(() -> WorkQueueSettings.defaults().withDedupTtl(Duration.ofSeconds(-1)))
        .hasMessageContaining("dedupTtl must not be negative");
  }
}
