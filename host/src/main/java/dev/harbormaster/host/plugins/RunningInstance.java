package dev.harbormaster.host.plugins;

import dev.harbormaster.host.config.InstanceConfig;
import dev.harbormaster.host.pipeline.InstanceMatcher;
import dev.harbormaster.host.pipeline.PipelineInstance;
import dev.harbormaster.spi.AdmissionHandler;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started instance: its handler, its scheduler and its status.
 *
 * @param config the instance's config entry
 * @param handler what the plugin's {@code start} returned
 * @param scheduler the instance's scheduler, shut down after {@code stop}
 * @param status state and published status document
 */
public record RunningInstance(
    InstanceConfig config,
    AdmissionHandler handler,
    ScheduledExecutorService scheduler,
    InstanceStatus status) {
  private static final Logger LOG = LoggerFactory.getLogger(RunningInstance.class);

  /** The pipeline's view of this instance. */
  public PipelineInstance toPipelineInstance() {
    return new PipelineInstance(
        config.name(),
        config.plugin(),
        config.scope(),
        new InstanceMatcher(config.match()),
        config.dryRun(),
        config.failurePolicy(),
        config.timeout(),
        handler);
  }

  /** Stops the handler within {@code deadline}, then the scheduler; never throws. */
  void stop(Duration deadline) {
    status.state(InstanceStatus.State.STOPPING);
    try {
      handler.stop(deadline);
      status.state(InstanceStatus.State.STOPPED);
    } catch (Exception e) {
      status.state(InstanceStatus.State.FAILED);
      LOG.warn("instance {} failed to stop cleanly: {}", config.name(), e.toString());
    } finally {
      scheduler.shutdown();
      try {
        if (!scheduler.awaitTermination(
            Math.max(1, deadline.toMillis() / 4), TimeUnit.MILLISECONDS)) {
          scheduler.shutdownNow();
        }
      } catch (InterruptedException e) {
        scheduler.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
