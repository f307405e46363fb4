package dev.harbormaster.testkit.plugin;

import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import dev.harbormaster.spi.StatusPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A {@link PluginContext} as the host offers it to a plugin, for plugin unit tests: a {@link
 * SimpleMeterRegistry} with {@code instance}/{@code plugin} meter tags, a real scheduler (shut down
 * by {@link #close()}), and the last status document the plugin published, kept for asserts.
 *
 * <p>Defaults: scope {@link Scope#VALIDATING}, not dry-run, config directory {@code .}; each can be
 * changed with the {@code with...} setters (also while the plugin runs). Plugin tests keep typed
 * status accessors in thin local subclasses.
 */
public class TestPluginContext implements PluginContext, AutoCloseable {
  /** How long {@link #awaitStatus(Class, Predicate)} waits before failing. */
  public static final Duration DEFAULT_AWAIT = Duration.ofSeconds(60);

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final AtomicReference<Object> status = new AtomicReference<>();
  private final ScheduledExecutorService scheduler;
  private final String instanceName;
  private final String pluginId;
  private volatile Scope scope = Scope.VALIDATING;
  private volatile boolean dryRun;
  private volatile Path configDirectory = Path.of(".");

  /**
   * A context for instance {@code instanceName} of plugin {@code pluginId}, with a single-thread
   * scheduler.
   */
  public TestPluginContext(String instanceName, String pluginId) {
    this(instanceName, pluginId, 1);
  }

  /** As {@link #TestPluginContext(String, String)}, with {@code schedulerThreads} threads. */
  public TestPluginContext(String instanceName, String pluginId, int schedulerThreads) {
    if (schedulerThreads < 1) {
      throw new IllegalArgumentException(
          "schedulerThreads must be at least 1, was " + schedulerThreads);
    }
    this.instanceName = instanceName;
    this.pluginId = pluginId;
    this.scheduler =
        schedulerThreads == 1
            ? Executors.newSingleThreadScheduledExecutor()
            : Executors.newScheduledThreadPool(schedulerThreads);
  }

  /** Sets the scope the instance runs in; returns this context. */
  public TestPluginContext withScope(Scope scope) {
    this.scope = scope;
    return this;
  }

  /** Sets whether the instance runs in dry-run (audit) mode; returns this context. */
  public TestPluginContext withDryRun(boolean dryRun) {
    this.dryRun = dryRun;
    return this;
  }

  /** Sets the directory the instance's relative config paths resolve against; returns this. */
  public TestPluginContext withConfigDirectory(Path configDirectory) {
    this.configDirectory = configDirectory;
    return this;
  }

  /** The registry the plugin's meters land in. */
  public SimpleMeterRegistry meters() {
    return meters;
  }

  /** The last status document published, if any. */
  public Optional<Object> lastStatus() {
    return Optional.ofNullable(status.get());
  }

  /**
   * The last status document published, as {@code type}; fails if there is none or it has another
   * type.
   */
  public <T> T lastStatus(Class<T> type) {
    Object s = status.get();
    if (!type.isInstance(s)) {
      throw new AssertionError("expected a published " + type.getSimpleName() + " but was: " + s);
    }
    return type.cast(s);
  }

  /** Polls the published status until it is a {@code type} and {@code condition} holds (60 s). */
  public <T> T awaitStatus(Class<T> type, Predicate<? super T> condition)
      throws InterruptedException {
    return awaitStatus(type, condition, DEFAULT_AWAIT);
  }

  /**
   * Polls the published status until it is a {@code type} and {@code condition} holds; fails with
   * the last status seen after {@code timeout}.
   */
  public <T> T awaitStatus(Class<T> type, Predicate<? super T> condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
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

  /** The sum of all counters named {@code name} carrying {@code tags} (key, value, ...). */
  public double counter(String name, String... tags) {
    return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
  }

  @Override
  public String instanceName() {
    return instanceName;
  }

  @Override
  public Scope scope() {
    return scope;
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
    return Tags.of("instance", instanceName, "plugin", pluginId);
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
    return configDirectory;
  }

  /** Stops the scheduler (interrupting running tasks). */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
