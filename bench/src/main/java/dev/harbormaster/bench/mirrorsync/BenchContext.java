package dev.harbormaster.bench.mirrorsync;

import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import dev.harbormaster.spi.StatusPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The context a command-line instance gets from the host (config directory, meters). */
record BenchContext(Path configDirectory, ScheduledExecutorService scheduler)
    implements PluginContext {
  BenchContext(Path configDirectory) {
    this(configDirectory, Executors.newSingleThreadScheduledExecutor());
  }

  @Override
  public String instanceName() {
    return "mirror";
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
    return new SimpleMeterRegistry();
  }

  @Override
  public Tags meterTags() {
    return Tags.of("instance", "mirror", "plugin", "mirror-sync");
  }

  @Override
  public StatusPublisher status() {
    return status -> {};
  }
}
