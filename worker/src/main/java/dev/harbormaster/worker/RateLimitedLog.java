package dev.harbormaster.worker;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Lets one log line through per interval and counts the events it held back, so a flood of
 * identical events (a full queue under an admission storm) costs one line per interval.
 * Thread-safe.
 */
public final class RateLimitedLog {
  private final Duration interval;
  private final InstantSource clock;
  private Instant last = Instant.MIN;
  private long suppressed;

  /** A limiter letting one line through per {@code interval} by {@code clock}. */
  public RateLimitedLog(Duration interval, InstantSource clock) {
    this.interval = interval;
    this.clock = clock;
  }

  /**
   * Records one event.
   *
   * @return -1 when this event must not be logged; otherwise the number of events held back since
   *     the last line that was let through (log it with this one)
   */
  public synchronized long tryLog() {
    Instant now = clock.instant();
    if (!last.equals(Instant.MIN) && now.isBefore(last.plus(interval))) {
      suppressed++;
      return -1;
    }
    last = now;
    long held = suppressed;
    suppressed = 0;
    return held;
  }
}
