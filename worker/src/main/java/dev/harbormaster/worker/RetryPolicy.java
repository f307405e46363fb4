package dev.harbormaster.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how late a transient failure is retried: exponential backoff with full jitter. The
 * delay before retry {@code n} (1-based) is uniform in {@code [0, min(cap, base * 2^(n-1))]}, so
 * many clients failing together do not retry together. The cap is at most 10 minutes.
 *
 * @param maxAttempts attempts in total, including the first (1 means never retry)
 * @param base the upper bound of the first delay
 * @param cap the largest delay, at most {@link #MAX_CAP}
 * @see <a href="https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/">AWS:
 *     exponential backoff and jitter ("full jitter")</a>
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {
  /** The longest delay any caller may configure. */
  public static final Duration MAX_CAP = Duration.ofMinutes(10);

  /** 6 attempts, 1 s base, 10 minutes cap. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(1), MAX_CAP);

  /** Validates the bounds, naming the field and value. */
  public RetryPolicy {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (base.isNegative()) {
      throw new IllegalArgumentException("retry base must not be negative, got " + base);
    }
    if (cap.isNegative() || cap.compareTo(MAX_CAP) > 0) {
      throw new IllegalArgumentException("retry cap must be between 0 and 10m, got " + cap);
    }
  }

  /** Whether another attempt may follow attempt number {@code attempt} (1-based). */
  public boolean allowsAnotherAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /** The upper bound of the delay before retry {@code retry} (1-based): {@code base*2^(n-1)}. */
  public Duration ceilingBefore(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1, got " + retry);
    }
    int shift = Math.min(retry - 1, 40); // 2^40 ms already exceeds any cap
    long ms;
    try {
      ms = Math.multiplyExact(base.toMillis(), 1L << shift);
    } catch (ArithmeticException overflow) {
      ms = Long.MAX_VALUE;
    }
    return Duration.ofMillis(Math.min(ms, cap.toMillis()));
  }

  /** The delay before retry {@code retry}: uniform in {@code [0, ceilingBefore(retry)]}. */
  public Duration delayBefore(int retry, RandomGenerator random) {
    long ceiling = ceilingBefore(retry).toMillis();
    return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
  }
}
