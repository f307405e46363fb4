package dev.harbormaster.oci.transport;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a random time in
 * {@code [0, min(max, base * 2^(n-1))]}.
 *
 * @see <a href="https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/">backoff
 *     and jitter</a>
 * @param maxAttempts attempts in total, at least 1 (1 means no retry)
 * @param base the cap of the first delay
 * @param max the cap of every delay
 */
public record Backoff(int maxAttempts, Duration base, Duration max) {

  /** 4 attempts, 200 ms doubling, capped at 5 s. */
  public static final Backoff DEFAULT =
      new Backoff(4, Duration.ofMillis(200), Duration.ofSeconds(5));

  /** Validates the values. */
  public Backoff {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
    if (base.isNegative() || max.isNegative()) {
      throw new IllegalArgumentException("backoff durations must not be negative");
    }
  }

  /** The delay before retry number {@code retry} (1 for the first retry). */
  public Duration delayBefore(int retry) {
    long cap = base.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
    cap = Math.min(cap, max.toMillis());
    return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
  }
}
