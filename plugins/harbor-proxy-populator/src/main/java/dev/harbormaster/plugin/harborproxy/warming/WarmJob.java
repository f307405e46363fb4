package dev.harbormaster.plugin.harborproxy.warming;

import dev.harbormaster.plugin.harborproxy.mapping.WarmTarget;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The queue's payload: a target plus what its last attempt did (read by {@link ResultRecorder}
 * after the attempt).
 */
public final class WarmJob {
  private final WarmTarget target;
  private final AtomicReference<WarmReport> lastReport = new AtomicReference<>(WarmReport.empty());
  private final AtomicReference<Duration> lastDuration = new AtomicReference<>(Duration.ZERO);

  /** A job for {@code target}. */
  public WarmJob(WarmTarget target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  /** The image to warm. */
  public WarmTarget target() {
    return target;
  }

  void recordAttempt(WarmReport report, Duration duration) {
    lastReport.set(report);
    lastDuration.set(duration);
  }

  /** What the last attempt did (empty report when it failed before any result). */
  public WarmReport lastReport() {
    return lastReport.get();
  }

  /** How long the last attempt took. */
  public Duration lastDuration() {
    return lastDuration.get();
  }
}
