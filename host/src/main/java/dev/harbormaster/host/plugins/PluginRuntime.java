package dev.harbormaster.host.plugins;

import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.PluginContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The started instances of one host: starts each bound instance with its own {@link PluginContext},
 * and stops them all (concurrently, within one deadline) at shutdown.
 */
public final class PluginRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginRuntime.class);

  private final List<RunningInstance> instances;
  private final PluginCatalog catalog;

  private PluginRuntime(List<RunningInstance> instances, PluginCatalog catalog) {
    this.instances = List.copyOf(instances);
    this.catalog = catalog;
  }

  /**
   * Starts every instance, in config order.
   *
   * @throws PluginLoadException naming the instance whose {@code start} failed (instances already
   *     started are stopped again)
   */
  public static PluginRuntime start(
      LoadedConfig loaded,
      PluginCatalog catalog,
      List<BoundInstance> bound,
      MeterRegistry registry,
      Duration stopDeadlineOnFailure) {
    List<RunningInstance> started = new ArrayList<>();
    for (BoundInstance instance : bound) {
      String name = instance.config().name();
      InstanceStatus status = new InstanceStatus();
      ScheduledExecutorService scheduler =
          Executors.newScheduledThreadPool(
              1, Thread.ofVirtual().name("hm-" + name + "-", 0).factory());
      PluginContext context =
          new HostPluginContext(
              name,
              instance.config().scope(),
              instance.config().dryRun(),
              registry,
              Tags.of("instance", name, "plugin", instance.config().plugin()),
              scheduler,
              status,
              loaded.directory());
      try {
        AdmissionHandler handler = instance.plugin().start(instance.pluginConfig(), context);
        if (handler == null) {
          throw new IllegalStateException("start() returned null");
        }
        status.state(InstanceStatus.State.RUNNING);
        started.add(new RunningInstance(instance.config(), handler, scheduler, status));
      } catch (Exception | LinkageError e) {
        scheduler.shutdownNow();
        new PluginRuntime(started, PluginCatalog.of(java.util.Map.of()))
            .stop(stopDeadlineOnFailure);
        throw new PluginLoadException(
            "instance '" + name + "' (plugin " + instance.config().plugin() + ") failed to start",
            e);
      }
    }
    return new PluginRuntime(started, catalog);
  }

  /** The running instances, in config order. */
  public List<RunningInstance> instances() {
    return instances;
  }

  /** The instance with this name. */
  public Optional<RunningInstance> find(String name) {
    return instances.stream().filter(i -> i.config().name().equals(name)).findFirst();
  }

  /**
   * Stops all instances concurrently, each given {@code deadline}, then unloads the plugins. Never
   * throws; instances that do not finish in time are abandoned (logged).
   */
  public void stop(Duration deadline) {
    List<Thread> stoppers = new ArrayList<>();
    for (RunningInstance instance : instances) {
      stoppers.add(Thread.ofVirtual().start(() -> instance.stop(deadline)));
    }
    long until = System.nanoTime() + deadline.toNanos() + TimeUnit.MILLISECONDS.toNanos(200);
    for (int i = 0; i < stoppers.size(); i++) {
      try {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()));
        if (!stoppers.get(i).join(Duration.ofMillis(left))) {
          LOG.warn(
              "instance {} did not stop within {}", instances.get(i).config().name(), deadline);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    try {
      catalog.close();
    } catch (RuntimeException e) {
      LOG.warn("unloading plugins failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(5));
  }
}
