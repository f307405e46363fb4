package dev.harbormaster.plugin.harborproxy;

import dev.harbormaster.testkit.plugin.TestPluginContext;
import java.nio.file.Path;
import java.util.function.Predicate;

/** The testkit's {@link TestPluginContext} with typed access to the {@link PopulatorStatus}. */
final class TestContext extends TestPluginContext {
  TestContext(boolean dryRun, Path configDir) {
    super("populator-test", "harbor-proxy-populator");
    withDryRun(dryRun).withConfigDirectory(configDir);
  }

  TestContext() {
    this(false, Path.of("."));
  }

  PopulatorStatus current() {
    return (PopulatorStatus) lastStatus().orElse(null);
  }

  /** Waits (polling the published status) until {@code condition} holds; fails after 60 s. */
  PopulatorStatus awaitStatus(Predicate<PopulatorStatus> condition) throws InterruptedException {
    return awaitStatus(PopulatorStatus.class, condition);
  }

  /**
   * Waits until {@code n} images have finished (warmed, already warm or failed for good), as both
   * the queue counters and the recent results show: the counters move a moment before the result is
   * recorded, so waiting on one alone can see a status in between.
   */
  PopulatorStatus awaitFinished(int n) throws InterruptedException {
    return awaitStatus(
        s ->
            s.queue().succeeded() + s.queue().failed() >= n
                && s.recent().stream()
                        .filter(r -> !r.outcome().equals("retrying"))
                        .filter(r -> !r.outcome().equals("would-warm"))
                        .count()
                    >= n);
  }
}
