package dev.harbormaster.worker;

/**
 * A snapshot of a queue's gauges and counters (counters only grow), for metrics and status.
 *
 * @param depth items waiting (including those waiting for a retry)
 * @param waitingForRetry of {@code depth}, those whose retry time has not come
 * @param inFlight items being worked on
 * @param capacity the queue's capacity
 * @param offered every call of {@code offer}
 * @param enqueued offers queued
 * @param replaced offers that replaced a queued item with the same key
 * @param deduplicated offers skipped because the key was queued, in flight or recently finished
 * @param dropped offers dropped because the queue was full
 * @param rejectedStopped offers refused because the queue was stopping
 * @param succeeded items that finished with success
 * @param failed items that finished with a permanent failure or ran out of attempts
 * @param retried attempts that were scheduled again
 * @param droppedAtStop items still queued when {@code stop}'s deadline came (never run, or waiting
 *     for a retry that could not start before it): dropped, and told to the listener
 */
public record QueueStats(
    int depth,
    int waitingForRetry,
    int inFlight,
    int capacity,
    long offered,
    long enqueued,
    long replaced,
    long deduplicated,
    long dropped,
    long rejectedStopped,
    long succeeded,
    long failed,
    long retried,
    long droppedAtStop) {

  /** Stats of a queue that has dropped nothing at stop (the shape before {@code droppedAtStop}). */
  public QueueStats(
      int depth,
      int waitingForRetry,
      int inFlight,
      int capacity,
      long offered,
      long enqueued,
      long replaced,
      long deduplicated,
      long dropped,
      long rejectedStopped,
      long succeeded,
      long failed,
      long retried) {
    this(
        depth,
        waitingForRetry,
        inFlight,
        capacity,
        offered,
        enqueued,
        replaced,
        deduplicated,
        dropped,
        rejectedStopped,
        succeeded,
        failed,
        retried,
        0);
  }
}
