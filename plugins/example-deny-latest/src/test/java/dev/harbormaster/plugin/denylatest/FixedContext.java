package dev.harbormaster.plugin.denylatest;

import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import dev.harbormaster.spi.StatusPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The context the host would hand a validating instance named {@code no-latest}, kept in this
 * module so the template needs nothing but the SPI. Plugins with background work would rather use
 * testkit's {@code TestPluginContext}.
 */
final class FixedContext implements PluginContext, AutoCloseable {
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @Override
  public String instanceName() {
    return "no-latest";
  }

  @Override
  public Scope scope() {
    return Scope.VALIDATING;
  }

  @Override
  public boolean instanceDryRun() {
    return false;
  }

  @Override
  public MeterRegistry meterRegistry() {
    return registry;
  }

  @Override
  public Tags meterTags() {
    return Tags.of("instance", "no-latest", "plugin", "deny-latest");
  }

  @Override
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  @Override
  public StatusPublisher status() {
    return status -> {}; // deny-latest publishes no status
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
