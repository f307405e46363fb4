package dev.harbormaster.plugin.mirrorsync;

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
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final boolean dryRun;
  private final Path configDir;

  TestContext(boolean dryRun, Path configDir) {
    this.dryRun = dryRun;
    this.configDir = configDir;
  }

  /** Polls the published status until {@code condition} holds; fails after 60 s. */
  <T> T awaitStatus(Class<T> type, Predicate<T> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      Object s = status.get();
      if (type.isInstance(s) && condition.test(type.cast(s))) {
        return type.cast(s);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("status never reached the expected state; last: " + s);
      }
      Thread.sleep(20);
    }
  }

  double counter(String name, String... tags) {
    return meters.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Override
  public String instanceName() {
    return "mirror-test";
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
    return Tags.of("instance", "mirror-test", "plugin", "mirror-sync");
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
