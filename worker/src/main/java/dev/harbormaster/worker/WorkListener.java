package dev.harbormaster.worker;

/**
 * Told what happened after each attempt (on the worker thread, outside the queue's lock), e.g. to
 * record results for a status document or to count metrics.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface WorkListener<T> {
  /**
   * One attempt ended.
   *
   * @param offer the item
   * @param outcome what the attempt returned
   * @param completion whether the item finished or runs again, and when
   */
  void attempted(WorkOffer<T> offer, WorkOutcome outcome, Completion completion);

  /** A listener that does nothing. */
  static <T> WorkListener<T> none() {
    return (offer, outcome, completion) -> {};
  }
}
