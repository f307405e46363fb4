package dev.harbormaster.worker;

/**
 * The work a {@link WorkQueue} runs for each item. Runs on a worker thread; may block on I/O.
 * Classify failures in the returned {@link WorkOutcome}; an exception thrown here counts as a
 * permanent failure with reason {@code error}.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface WorkTask<T> {
  /** Runs one attempt. */
  WorkOutcome run(Attempt<T> attempt) throws Exception;
}
