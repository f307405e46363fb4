package dev.harbormaster.host.runtime;

import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.http.AdmissionServer;
import dev.harbormaster.host.plugins.PluginCatalog;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A serving host: runtime plus HTTP server. Shutdown is graceful: not ready, stop accepting, finish
 * reviews in flight, then stop the plugins, all within {@code server.shutdownGrace}.
 */
public final class HostServer implements AutoCloseable {
  private final LoadedConfig loaded;
  private final HostRuntime runtime;
  private final AdmissionServer server;

  private HostServer(LoadedConfig loaded, HostRuntime runtime, AdmissionServer server) {
    this.loaded = loaded;
    this.runtime = runtime;
    this.server = server;
  }

  /**
   * Loads plugins from the configured directory, starts them and starts serving.
   *
   * @throws dev.harbormaster.host.config.InvalidConfigException for config problems
   * @throws dev.harbormaster.host.plugins.PluginLoadException for refused jars or failed starts
   * @throws dev.harbormaster.host.tls.TlsMaterialException for unusable TLS files
   */
  public static HostServer start(LoadedConfig loaded) {
    AdmissionServer.checkTls(loaded); // fail on bad PEM files before any plugin starts
    PrometheusMeterRegistry prometheus = registry();
    return serve(loaded, HostRuntime.start(loaded, prometheus), prometheus);
  }

  /** Starts serving with plugins from {@code catalog} (tests and embedding). */
  public static HostServer start(LoadedConfig loaded, PluginCatalog catalog) {
    PrometheusMeterRegistry prometheus = registry();
    return serve(loaded, HostRuntime.start(loaded, catalog, prometheus), prometheus);
  }

  /** The registry served on /metrics, with JVM and process meters bound. */
  private static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(prometheus);
    new JvmThreadMetrics().bindTo(prometheus);
    new ProcessorMetrics().bindTo(prometheus);
    new UptimeMetrics().bindTo(prometheus);
    return prometheus;
  }

  private static HostServer serve(
      LoadedConfig loaded, HostRuntime runtime, PrometheusMeterRegistry prometheus) {
    try {
      AdmissionServer server =
          AdmissionServer.start(loaded, runtime.pipeline(), runtime.plugins(), prometheus);
      return new HostServer(loaded, runtime, server);
    } catch (RuntimeException e) {
      runtime.stop(Duration.ofSeconds(5));
      throw e;
    }
  }

  /** The port listened on. */
  public int port() {
    return server.port();
  }

  /** The base URL, for example {@code http://127.0.0.1:8080}. */
  public String baseUrl() {
    return server.baseUrl(loaded.config().server().address());
  }

  /** One line saying where the host listens and what it runs. */
  public String listeningLine() {
    String instances =
        runtime.plugins().instances().stream()
            .map(i -> i.config().name() + "=" + i.config().plugin())
            .collect(Collectors.joining(", "));
    return "Harbormaster listening on "
        + baseUrl()
        + " (config: "
        + loaded.source()
        + "; plugins dir: "
        + loaded.pluginDirectory()
        + "; instances: "
        + (instances.isEmpty() ? "none" : instances)
        + ")";
  }

  /** The runtime (pipeline and instances). */
  public HostRuntime runtime() {
    return runtime;
  }

  /**
   * Graceful shutdown: not ready, still serving for {@code server.shutdownDelay}, then within
   * {@code server.shutdownGrace} reviews in flight finish and plugins stop.
   */
  public void shutdown() {
    Duration grace = loaded.config().server().shutdownGrace();
    server.unready(loaded.config().server().shutdownDelay());
    long start = System.nanoTime();
    server.shutdown(grace);
    Duration left = grace.minusNanos(System.nanoTime() - start);
    runtime.stop(left.isNegative() ? Duration.ofMillis(100) : left);
  }

  @Override
  public void close() {
    shutdown();
  }
}
