package dev.harbormaster.worker;

import java.time.Duration;
import java.util.Optional;

/**
 * What the schedule did after an attempt.
 *
 * @param finalOutcome the outcome that ended the item; empty when it was scheduled again
 * @param attempts attempts made so far
 * @param retryIn the delay before the next attempt, when scheduled again
 */
public record Completion(
    Optional<WorkOutcome> finalOutcome, int attempts, Optional<Duration> retryIn) {
  /** Whether the item is done (success, permanent failure, or attempts exhausted). */
  public boolean finished() {
    return finalOutcome.isPresent();
  }
}
