package dev.harbormaster.testkit.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.spi.Scope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestPluginContextTest {
  record Progress(int done) {}

  @Test
  void defaultsToValidatingLiveInstance_withInstanceAndPluginMeterTags() {
    try (var context = new TestPluginContext("i", "p")) {
      assertThat(context.instanceName()).isEqualTo("i");
      assertThat(context.scope()).isEqualTo(Scope.VALIDATING);
      assertThat(context.instanceDryRun()).isFalse();
      assertThat(context.configDirectory()).isEqualTo(Path.of("."));
      assertThat(context.meterTags().stream().map(t -> t.getKey() + "=" + t.getValue()))
          .containsExactly("instance=i", "plugin=p");
      assertThat(context.meterRegistry()).isSameAs(context.meters());
    }
  }

  @Test
  void settersChangeWhatThePluginSees() {
    try (var context =
        new TestPluginContext("i", "p")
            .withScope(Scope.MUTATING)
            .withDryRun(true)
            .withConfigDirectory(Path.of("/etc/x"))) {
      assertThat(context.scope()).isEqualTo(Scope.MUTATING);
      assertThat(context.instanceDryRun()).isTrue();
      assertThat(context.configDirectory()).isEqualTo(Path.of("/etc/x"));
    }
  }

  @Test
  void keepsTheLastPublishedStatus() {
    try (var context = new TestPluginContext("i", "p")) {
      assertThat(context.lastStatus()).isEmpty();
      context.status().publish(new Progress(1));
      context.status().publish(new Progress(2));
      assertThat(context.lastStatus()).contains(new Progress(2));
      assertThat(context.lastStatus(Progress.class).done()).isEqualTo(2);
      assertThatThrownBy(() -> context.lastStatus(String.class))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("String");
    }
  }

  @Test
  void awaitStatus_returnsOnceThePluginPublishesAMatchingStatus() throws Exception {
    try (var context = new TestPluginContext("i", "p")) {
      context.status().publish(new Progress(0));
      context
          .scheduler()
          .schedule(() -> context.status().publish(new Progress(3)), 50, TimeUnit.MILLISECONDS);
      assertThat(context.awaitStatus(Progress.class, s -> s.done() == 3))
          .isEqualTo(new Progress(3));
    }
  }

  @Test
  void awaitStatus_failsNamingTheLastStatus_whenTheConditionNeverHolds() {
    try (var context = new TestPluginContext("i", "p")) {
      context.status().publish(new Progress(1));
      assertThatThrownBy(
              () -> context.awaitStatus(Progress.class, s -> s.done() > 5, Duration.ofMillis(50)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Progress[done=1]");
    }
  }

  @Test
  void counter_sumsCountersWithTheGivenTags() {
    try (var context = new TestPluginContext("i", "p")) {
      context.meters().counter("hits", "outcome", "ok", "kind", "a").increment(2);
      context.meters().counter("hits", "outcome", "ok", "kind", "b").increment();
      context.meters().counter("hits", "outcome", "failed").increment();
      assertThat(context.counter("hits", "outcome", "ok")).isEqualTo(3.0);
      assertThat(context.counter("hits")).isEqualTo(4.0);
      assertThat(context.counter("misses")).isZero();
    }
  }

  @Test
  void close_shutsTheSchedulerDown() {
    var context = new TestPluginContext("i", "p", 2);
    context.close();
    assertThat(context.scheduler().isShutdown()).isTrue();
  }

  @Test
  void rejectsASchedulerWithoutThreads() {
    assertThatThrownBy(() -> new TestPluginContext("i", "p", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schedulerThreads")
        .hasMessageContaining("0");
  }
}
