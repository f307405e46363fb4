package dev.harbormaster.plugin.mirrorsync.copy;

import dev.harbormaster.worker.Completion;
import dev.harbormaster.worker.DrainReport;
import dev.harbormaster.worker.OfferResult;
import dev.harbormaster.worker.QueueStats;
import dev.harbormaster.worker.RetryPolicy;
import dev.harbormaster.worker.WorkListener;
import dev.harbormaster.worker.WorkOffer;
import dev.harbormaster.worker.WorkOutcome;
import dev.harbormaster.worker.WorkQueue;
import dev.harbormaster.worker.WorkQueueSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The copy queue on the shared {@link WorkQueue}: items keyed by target tag, a newer item replaces
 * an older queued one with the same key ({@code replaceQueued}), priority items (from admission)
 * run first, at most {@code perRegistryCopies} items of one source registry at once, transient
 * failures retried with backoff. An item offered while the same tag is being copied is held back
 * and offered when that copy ends, so the newer observation is not lost.
 */
public final class CopyQueue {
  /** Priority of items queued on admission (periodic items have 0). */
  public static final int ADMISSION_PRIORITY = 10;

  private final WorkQueue<SyncItem> queue;
  private final Map<String, SyncItem> heldBack = new ConcurrentHashMap<>();

  /**
   * Starts the workers.
   *
   * @param name for thread names and logs
   * @param copier does the copies
   * @param listener told about every outcome
   * @param workers copies at once
   * @param perRegistry copies of one source registry at once
   * @param capacity items that may wait
   * @param retry how transient failures are retried
   */
  public CopyQueue(
      String name,
      ItemCopier copier,
      CopyListener listener,
      int workers,
      int perRegistry,
      int capacity,
      RetryPolicy retry) {
    WorkQueueSettings settings =
        WorkQueueSettings.defaults()
            .withCapacity(capacity)
            .withWorkers(workers, perRegistry)
            .withDedupTtl(Duration.ZERO)
            .withReplaceQueued(true)
            .withRetry(retry);
    this.queue =
        WorkQueue.<SyncItem>builder(
                attempt -> {
                  SyncItem item = attempt.item();
                  try {
                    listener.copied(item, copier.copy(item));
                    return WorkOutcome.success();
                  } catch (IOException e) {
                    return Failures.isTransient(e)
                        ? WorkOutcome.retry(Failures.reason(e), Failures.describe(e))
                        : WorkOutcome.failure(Failures.reason(e), Failures.describe(e));
                  }
                })
            .settings(settings)
            .name(name)
            .listener(
                new WorkListener<>() {
                  @Override
                  public void attempted(
                      WorkOffer<SyncItem> offer, WorkOutcome outcome, Completion completion) {
                    after(offer, outcome, completion, listener);
                  }

                  @Override
                  public void droppedAtStop(WorkOffer<SyncItem> offer) {
                    listener.failed(
                        offer.item(),
                        "stopped",
                        "not copied: the queue stopped before this copy could start",
                        false);
                  }
                })
            .start();
  }

  /** Copies one item (the {@link MirrorCopier} in production). */
  @FunctionalInterface
  public interface ItemCopier {
    /** Copies and verifies. */
    CopyOutcome copy(SyncItem item) throws IOException, InterruptedException;
  }

  /** Offers an item without waiting (never blocks; a full queue drops and counts). */
  public OfferResult offer(SyncItem item, int priority) {
    OfferResult r =
        queue.offer(new WorkOffer<>(item.key(), item.source().registry(), priority, item));
    if (r == OfferResult.DEDUPLICATED) { // the tag is being copied right now
      heldBack.merge(item.key(), item, (a, b) -> a.generation() >= b.generation() ? a : b);
    }
    return r;
  }

  /** Counters and gauges. */
  public QueueStats stats() {
    return queue.stats();
  }

  /**
   * Stops accepting items and finishes queued ones until {@code deadline}; transient failures are
   * retried while their retry can start before it. Items dropped at the deadline are reported to
   * the listener as failed ({@code stopped}).
   */
  public DrainReport stop(Duration deadline) throws InterruptedException {
    return queue.stop(deadline);
  }

  private void after(
      WorkOffer<SyncItem> offer,
      WorkOutcome outcome,
      Completion completion,
      CopyListener listener) {
    switch (outcome) {
      case WorkOutcome.Retry r ->
          listener.failed(offer.item(), r.reason(), r.message(), !completion.finished());
      case WorkOutcome.Failure f -> listener.failed(offer.item(), f.reason(), f.message(), false);
      case WorkOutcome.Success s -> {}
    }
    if (completion.finished()) {
      SyncItem next = heldBack.remove(offer.key());
      if (next != null && next.generation() > offer.item().generation()) {
        offer(next, offer.priority());
      }
    }
  }
}
