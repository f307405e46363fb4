package dev.harbormaster.prefetch.agent.node;

import dev.harbormaster.worker.RetryPolicy;
import java.time.Duration;

/**
 * How the node loop pulls.
 *
 * @param workers pulls at once on this node (a small pool)
 * @param queueCapacity images that may wait
 * @param backoff attempts before {@code Error}, and the backoff between them ({@code
 *     ceilingBefore(n)}: 10 s doubling, capped at 10 minutes by default)
 * @param recheckInterval how often an available image is checked again with {@code ImageStatus}
 *     (and pulled again when kubelet's garbage collection removed it)
 */
public record LoopSettings(
    int workers, int queueCapacity, RetryPolicy backoff, Duration recheckInterval) {

  /** 2 workers, 1000 queued, 5 attempts with 10 s doubling capped at 10 minutes, re-check 10m. */
  public static LoopSettings defaults() {
    return new LoopSettings(
        2,
        1000,
        new RetryPolicy(5, Duration.ofSeconds(10), RetryPolicy.MAX_CAP),
        Duration.ofMinutes(10));
  }

  /** Validates the counts. */
  public LoopSettings {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
    }
  }
}
