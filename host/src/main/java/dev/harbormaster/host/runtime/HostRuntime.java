package dev.harbormaster.host.runtime;

import dev.harbormaster.host.config.InvalidConfigException;
import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.pipeline.AdmissionPipeline;
import dev.harbormaster.host.plugins.BoundInstance;
import dev.harbormaster.host.plugins.InstanceBinder;
import dev.harbormaster.host.plugins.PluginCatalog;
import dev.harbormaster.host.plugins.PluginJarLoader;
import dev.harbormaster.host.plugins.PluginLoadException;
import dev.harbormaster.host.plugins.PluginRuntime;
import dev.harbormaster.host.plugins.RunningInstance;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * Plugins loaded, instances bound and started, and the pipeline over them: what {@code serve} and
 * {@code review} run, and (without starting) what {@code check} validates.
 */
public final class HostRuntime implements AutoCloseable {
  private final PluginRuntime plugins;
  private final AdmissionPipeline pipeline;
  private final Duration shutdownGrace;

  private HostRuntime(PluginRuntime plugins, AdmissionPipeline pipeline, Duration shutdownGrace) {
    this.plugins = plugins;
    this.pipeline = pipeline;
    this.shutdownGrace = shutdownGrace;
  }

  /**
   * Loads the plugin jars from the configured directory and starts every instance.
   *
   * @throws InvalidConfigException for config problems (unknown plugin, bad plugin config, ...)
   * @throws PluginLoadException for refused jars and instances that fail to start
   */
  public static HostRuntime start(LoadedConfig loaded, MeterRegistry registry) {
    return start(
        loaded,
        PluginJarLoader.load(loaded.pluginDirectory(), loaded.config().plugins().sha256()),
        registry);
  }

  /** Starts every instance against an already built catalog (tests and embedding). */
  public static HostRuntime start(
      LoadedConfig loaded, PluginCatalog catalog, MeterRegistry registry) {
    Duration grace = loaded.config().server().shutdownGrace();
    List<BoundInstance> bound;
    try {
      bound = InstanceBinder.bind(loaded, catalog);
    } catch (RuntimeException e) {
      catalog.close();
      throw e;
    }
    PluginRuntime runtime;
    try {
      runtime = PluginRuntime.start(loaded, catalog, bound, registry, grace);
    } catch (RuntimeException e) {
      catalog.close();
      throw e;
    }
    AdmissionPipeline pipeline =
        new AdmissionPipeline(
            runtime.instances().stream().map(RunningInstance::toPipelineInstance).toList());
    return new HostRuntime(runtime, pipeline, grace);
  }

  /**
   * Loads the plugins and binds every instance's config without starting anything (for {@code
   * harbormaster check}).
   *
   * @return the bound instances
   * @throws InvalidConfigException or {@link PluginLoadException} describing the problems
   */
  public static List<BoundInstance> check(LoadedConfig loaded) {
    try (PluginCatalog catalog =
        PluginJarLoader.load(loaded.pluginDirectory(), loaded.config().plugins().sha256())) {
      return InstanceBinder.bind(loaded, catalog);
    }
  }

  /** The started instances. */
  public PluginRuntime plugins() {
    return plugins;
  }

  /** The pipeline over the started instances. */
  public AdmissionPipeline pipeline() {
    return pipeline;
  }

  /** Stops the instances within {@code deadline}, then the pipeline's executor. */
  public void stop(Duration deadline) {
    plugins.stop(deadline);
    pipeline.close();
  }

  @Override
  public void close() {
    stop(shutdownGrace);
  }
}
