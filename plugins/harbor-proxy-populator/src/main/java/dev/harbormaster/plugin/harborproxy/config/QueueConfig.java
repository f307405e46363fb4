package dev.harbormaster.plugin.harborproxy.config;

import dev.harbormaster.worker.RetryPolicy;
import dev.harbormaster.worker.WorkQueueSettings;
import java.time.Duration;

/**
 * The background queue (see {@code dev.harbormaster.worker.WorkQueue}).
 *
 * @param capacity images waiting at most; more are dropped and counted (default 1000)
 * @param workers concurrent warms in total (default 4)
 * @param perUpstreamConcurrency concurrent warms per proxy project, i.e. per upstream registry
 *     (default 2)
 * @param dedupTtl an image warmed (or failed for good) within this time is not warmed again
 *     (default 30m)
 * @param maxAttempts attempts per image for transient failures (default 6)
 * @param retryBase the upper bound of the first retry delay (default 5s); doubles per retry
 * @param retryCap the largest retry delay, at most 10m (default 10m)
 * @param dropLogInterval at most one "queue full" log line per interval (default 1m)
 */
public record QueueConfig(
    Integer capacity,
    Integer workers,
    Integer perUpstreamConcurrency,
    Duration dedupTtl,
    Integer maxAttempts,
    Duration retryBase,
    Duration retryCap,
    Duration dropLogInterval) {

  /** Applies defaults; the worker settings validate the values. */
  public QueueConfig {
    capacity = capacity == null ? 1000 : capacity;
    workers = workers == null ? 4 : workers;
    perUpstreamConcurrency = perUpstreamConcurrency == null ? 2 : perUpstreamConcurrency;
    dedupTtl = dedupTtl == null ? Duration.ofMinutes(30) : dedupTtl;
    maxAttempts = maxAttempts == null ? 6 : maxAttempts;
    retryBase = retryBase == null ? Duration.ofSeconds(5) : retryBase;
    retryCap = retryCap == null ? RetryPolicy.MAX_CAP : retryCap;
    dropLogInterval = dropLogInterval == null ? Duration.ofMinutes(1) : dropLogInterval;
    settings(
        capacity,
        workers,
        perUpstreamConcurrency,
        dedupTtl,
        maxAttempts,
        retryBase,
        retryCap,
        dropLogInterval);
  }

  /** The defaults. */
  public static QueueConfig defaults() {
    return new QueueConfig(null, null, null, null, null, null, null, null);
  }

  /** The worker settings. */
  public WorkQueueSettings settings() {
    return settings(
        capacity,
        workers,
        perUpstreamConcurrency,
        dedupTtl,
        maxAttempts,
        retryBase,
        retryCap,
        dropLogInterval);
  }

  private static WorkQueueSettings settings(
      int capacity,
      int workers,
      int perUpstream,
      Duration ttl,
      int attempts,
      Duration base,
      Duration cap,
      Duration dropLog) {
    try {
      return new WorkQueueSettings(
          capacity,
          workers,
          perUpstream,
          ttl,
          100_000,
          false,
          dropLog,
          new RetryPolicy(attempts, base, cap));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("queue: " + e.getMessage(), e);
    }
  }
}
