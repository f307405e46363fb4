package dev.harbormaster.worker;

/**
 * Told what happened after each attempt, e.g. to record results for a status document or to count
 * metrics. Calls come on the worker thread, under the queue's lock, in the order the attempts
 * completed: a retry that runs at once can never be reported before the attempt that caused it.
 * Keep listeners short and non-blocking (record in memory, count a meter).
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

  /**
   * {@link WorkQueue#stop} dropped an item that was still queued at its deadline: never run, or
   * waiting for a retry that could not start before the deadline. Called on the stopping thread,
   * under the queue's lock, once per dropped item; the item is not reported otherwise. Default:
   * nothing (the item is still counted in {@link QueueStats#droppedAtStop} and listed in the {@link
   * DrainReport}).
   *
   * @param offer the dropped item
   */
  default void droppedAtStop(WorkOffer<T> offer) {}

  /** A listener that does nothing. */
  static <T> WorkListener<T> none() {
    return (offer, outcome, completion) -> {};
  }
}
