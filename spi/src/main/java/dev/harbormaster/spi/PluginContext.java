package dev.harbormaster.spi;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;

/** What the host offers one plugin instance. Plugins use this instead of reaching into the host. */
public interface PluginContext {

  /** The instance name from the config (unique; used in logs, metrics and status URLs). */
  String instanceName();

  /** The scope this instance runs in. */
  Scope scope();

  /**
   * True when the instance is configured with {@code dryRun: true} (audit mode): the host reports
   * its patch and deny as warnings instead of applying them, and the plugin must cause no side
   * effects (no warming, pulling or copying; it may say what it would have done).
   */
  boolean instanceDryRun();

  /**
   * The host's meter registry, served on {@code /metrics}. Name meters {@code
   * harbormaster.<plugin>.*}, tag them with {@link #meterTags()}, and never tag by object or image
   * (unbounded series).
   */
  MeterRegistry meterRegistry();

  /** Tags identifying this instance ({@code instance}, {@code plugin}). */
  Tags meterTags();

  /**
   * A scheduler for this instance's background work. The host shuts it down after {@link
   * AdmissionHandler#stop}; tasks should be short or check for interruption.
   */
  ScheduledExecutorService scheduler();

  /** Where this instance publishes its status document. */
  StatusPublisher status();

  /**
   * The directory holding the config file, against which relative paths in the instance's config
   * (CA files, credential files) are resolved.
   */
  Path configDirectory();
}
