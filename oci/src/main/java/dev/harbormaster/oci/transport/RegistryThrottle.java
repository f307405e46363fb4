package dev.harbormaster.oci.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-registry admission of requests: at most {@code maxConcurrent} requests in flight per
 * registry, and a registry that answered 429 with {@code Retry-After} gets no request from this
 * client (any thread, any operation) until that time has passed.
 */
public final class RegistryThrottle {
  private final int maxConcurrent;
  private final Clock clock;
  private final ConcurrentHashMap<String, Semaphore> permits = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Instant> pausedUntil = new ConcurrentHashMap<>();

  /**
   * @param maxConcurrent requests in flight per registry
   * @param clock the time source
   */
  public RegistryThrottle(int maxConcurrent, Clock clock) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be >= 1, got " + maxConcurrent);
    }
    this.maxConcurrent = maxConcurrent;
    this.clock = clock;
  }

  /** Blocks until {@code registry} may receive a request and takes one of its permits. */
  public void acquire(String registry) throws InterruptedException {
    waitUntilResumed(registry);
    permits.computeIfAbsent(registry, r -> new Semaphore(maxConcurrent, true)).acquire();
  }

  /** Returns a permit taken by {@link #acquire}. */
  public void release(String registry) {
    permits.get(registry).release();
  }

  /** Makes every request to {@code registry} wait until {@code delay} from now has passed. */
  public void pause(String registry, Duration delay) {
    Instant until = clock.instant().plus(delay);
    pausedUntil.merge(registry, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** How long requests to {@code registry} must still wait (zero when not paused). */
  public Duration remainingPause(String registry) {
    Instant until = pausedUntil.get(registry);
    if (until == null) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(clock.instant(), until);
    return d.isNegative() ? Duration.ZERO : d;
  }

  private void waitUntilResumed(String registry) throws InterruptedException {
    Duration d;
    while (!(d = remainingPause(registry)).isZero()) {
      Thread.sleep(Math.max(1, d.toMillis()));
    }
  }
}
