package dev.harbormaster.plugin.harborproxy;

import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import dev.harbormaster.spi.StatusPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** A {@link PluginContext} as the host offers it, with the published status kept for asserts. */
final class TestContext implements PluginContext, AutoCloseable {
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final AtomicReference<Object> status = new AtomicReference<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final boolean dryRun;
  private final Path configDir;

  TestContext(boolean dryRun, Path configDir) {
    this.dryRun = dryRun;
    this.configDir = configDir;
  }

  TestContext() {
    this(false, Path.of("."));
  }

  PopulatorStatus current() {
    return (PopulatorStatus) status.get();
  }

  /** Waits (polling the published status) until {@code condition} holds; fails after 60 s. */
  PopulatorStatus awaitStatus(Predicate<PopulatorStatus> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      PopulatorStatus s = current();
      if (s != null && condition.test(s)) {
        return s;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("status never reached the expected state; last: " + s);
      }
      Thread.sleep(20);
    }
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

  double counter(String name, String... tags) {
    var search = meters.find(name).tags(tags);
    return search.counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Override
  public String instanceName() {
    return "populator-test";
  }

  @Override
  public Scope scope() {
    return Scope.VALIDATING;
  }

  @Override
  public boolean instanceDryRun() {
    return dryRun;
  }

  @Override
  public MeterRegistry meterRegistry() {
    return meters;
  }

  @Override
  public Tags meterTags() {
    return Tags.of("instance", "populator-test", "plugin", "harbor-proxy-populator");
  }

  @Override
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  @Override
  public StatusPublisher status() {
    return status::set;
  }

  @Override
  public Path configDirectory() {
    return configDir;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
