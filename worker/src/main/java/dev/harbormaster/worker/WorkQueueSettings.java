package dev.harbormaster.worker;

import java.time.Duration;
import java.util.Objects;

/**
 * The shape of a {@link WorkQueue}.
 *
 * @param capacity items that may wait; offers beyond it are dropped (and counted)
 * @param workers the fixed number of workers (virtual threads)
 * @param perHostConcurrency items of one host worked on at once
 * @param dedupTtl how long a finished key stays deduplicated ({@code 0}: only while queued or in
 *     flight)
 * @param maxRemembered finished keys remembered at most (the oldest are forgotten first)
 * @param replaceQueued whether an offer replaces a queued item with the same key (instead of being
 *     deduplicated against it)
 * @param dropLogInterval at most one "queue full" log line per interval
 * @param retry the retry policy for transient failures
 */
public record WorkQueueSettings(
    int capacity,
    int workers,
    int perHostConcurrency,
    Duration dedupTtl,
    int maxRemembered,
    boolean replaceQueued,
    Duration dropLogInterval,
    RetryPolicy retry) {

  /** Validates every field, naming it and its value. */
  public WorkQueueSettings {
    positive("capacity", capacity);
    positive("workers", workers);
    positive("perHostConcurrency", perHostConcurrency);
    positive("maxRemembered", maxRemembered);
    Objects.requireNonNull(dedupTtl, "dedupTtl");
    Objects.requireNonNull(dropLogInterval, "dropLogInterval");
    Objects.requireNonNull(retry, "retry");
    if (dedupTtl.isNegative()) {
      throw new IllegalArgumentException("dedupTtl must not be negative, got " + dedupTtl);
    }
    if (dropLogInterval.isNegative()) {
      throw new IllegalArgumentException(
          "dropLogInterval must not be negative, got " + dropLogInterval);
    }
  }

  /**
   * 1000 items, 4 workers, 2 per host, 10 minutes dedup TTL, 10000 keys remembered, no replacement,
   * one drop log line per minute, {@link RetryPolicy#DEFAULT}.
   */
  public static WorkQueueSettings defaults() {
    return new WorkQueueSettings(
        1000,
        4,
        2,
        Duration.ofMinutes(10),
        10_000,
        false,
        Duration.ofMinutes(1),
        RetryPolicy.DEFAULT);
  }

  /** A copy with another capacity. */
  public WorkQueueSettings withCapacity(int newCapacity) {
    return new WorkQueueSettings(
        newCapacity,
        workers,
        perHostConcurrency,
        dedupTtl,
        maxRemembered,
        replaceQueued,
        dropLogInterval,
        retry);
  }

  /** A copy with other worker counts. */
  public WorkQueueSettings withWorkers(int newWorkers, int newPerHostConcurrency) {
    return new WorkQueueSettings(
        capacity,
        newWorkers,
        newPerHostConcurrency,
        dedupTtl,
        maxRemembered,
        replaceQueued,
        dropLogInterval,
        retry);
  }

  /** A copy with another dedup TTL. */
  public WorkQueueSettings withDedupTtl(Duration newTtl) {
    return new WorkQueueSettings(
        capacity,
        workers,
        perHostConcurrency,
        newTtl,
        maxRemembered,
        replaceQueued,
        dropLogInterval,
        retry);
  }

  /** A copy that replaces queued items by newer ones with the same key. */
  public WorkQueueSettings withReplaceQueued(boolean replace) {
    return new WorkQueueSettings(
        capacity,
        workers,
        perHostConcurrency,
        dedupTtl,
        maxRemembered,
        replace,
        dropLogInterval,
        retry);
  }

  /** A copy with another retry policy. */
  public WorkQueueSettings withRetry(RetryPolicy newRetry) {
    return new WorkQueueSettings(
        capacity,
        workers,
        perHostConcurrency,
        dedupTtl,
        maxRemembered,
        replaceQueued,
        dropLogInterval,
        newRetry);
  }

  private static void positive(String field, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be at least 1, got " + value);
    }
  }
}
