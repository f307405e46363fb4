package dev.harbormaster.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one attempt of a task came to. The task decides: {@link Success}; {@link Retry} for a
 * transient failure (scheduled again with the {@link RetryPolicy} until attempts run out); {@link
 * Failure} for a permanent one (never retried).
 */
public sealed interface WorkOutcome
    permits WorkOutcome.Success, WorkOutcome.Retry, WorkOutcome.Failure {

  /** The attempt did what it should. */
  static Success success() {
    return new Success();
  }

  /** A transient failure: retry after the policy's backoff. */
  static Retry retry(String reason, String message) {
    return new Retry(reason, message, Optional.empty());
  }

  /** A transient failure that names its earliest retry time (e.g. from {@code Retry-After}). */
  static Retry retryAfter(String reason, String message, Duration notBefore) {
    return new Retry(reason, message, Optional.of(notBefore));
  }

  /** A permanent failure: not retried. */
  static Failure failure(String reason, String message) {
    return new Failure(reason, message);
  }

  /** Success. */
  record Success() implements WorkOutcome {}

  /**
   * A transient failure.
   *
   * @param reason a short, bounded classifier for metrics ({@code unavailable}, {@code
   *     rate-limited})
   * @param message the detail for logs and status
   * @param notBefore the earliest delay the task asks for; the backoff is used when it is longer
   */
  record Retry(String reason, String message, Optional<Duration> notBefore) implements WorkOutcome {
    /** Rejects nulls. */
    public Retry {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(notBefore, "notBefore");
    }
  }

  /**
   * A permanent failure.
   *
   * @param reason a short, bounded classifier for metrics ({@code not-found}, {@code denied})
   * @param message the detail for logs and status
   */
  record Failure(String reason, String message) implements WorkOutcome {
    /** Rejects nulls. */
    public Failure {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
