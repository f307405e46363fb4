package dev.harbormaster.spi;

import java.time.Duration;

/**
 * A started plugin instance: reviews requests and stops.
 *
 * <p>{@link #review} is called concurrently for different requests; implementations must be
 * thread-safe. It must not block on network I/O unless that is the instance's purpose and bounded
 * (the host enforces the instance's {@code timeout} and applies its failure policy when the call
 * throws or runs late). Work with side effects is only enqueued here, and skipped when {@link
 * Review#dryRun()} is true.
 */
@FunctionalInterface
public interface AdmissionHandler {

  /**
   * Reviews one request.
   *
   * @param review the request; in mutating scope its object is the shared working copy
   * @return the decision
   * @throws Exception on failure; the host applies the instance's failure policy
   */
  Decision review(Review review) throws Exception;

  /**
   * Stops the instance: finish or drain background work within {@code deadline}, then release
   * resources. Called once, at host shutdown, after the last review has completed.
   *
   * @param deadline how long the instance may take
   */
  default void stop(Duration deadline) throws Exception {}
}
