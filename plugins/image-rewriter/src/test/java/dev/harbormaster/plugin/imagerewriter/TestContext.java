package dev.harbormaster.plugin.imagerewriter;

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
  Scope scope = Scope.MUTATING;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @Override
  public String instanceName() {
    return "rewrite-test";
  }

  @Override
  public Scope scope() {
    return scope;
  }

  @Override
  public boolean instanceDryRun() {
    return false;
  }

  @Override
  public MeterRegistry meterRegistry() {
    return meters;
  }

  @Override
  public Tags meterTags() {
    return Tags.of("instance", "rewrite-test", "plugin", "image-rewriter");
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
