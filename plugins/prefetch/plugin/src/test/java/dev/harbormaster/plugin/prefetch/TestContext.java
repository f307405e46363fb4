package dev.harbormaster.plugin.prefetch;

import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import dev.harbormaster.spi.StatusPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link PluginContext} as the host offers it, with the published status kept for asserts. */
final class TestContext implements PluginContext, AutoCloseable {
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final AtomicReference<Object> status = new AtomicReference<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final boolean dryRun;

  TestContext(boolean dryRun) {
    this.dryRun = dryRun;
  }

  PrefetchStatus current() {
    return (PrefetchStatus) status.get();
  }

  double counter(String name, String... tags) {
    return meters.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Override
  public String instanceName() {
    return "prefetch-test";
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
    return Tags.of("instance", "prefetch-test", "plugin", "prefetch");
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
    return Path.of(".");
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
