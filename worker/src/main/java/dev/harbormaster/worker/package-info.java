/**
 * The one bounded work queue and retry policy the plugins share (the populator now; mirror-sync and
 * prefetch later): work offered on the admission path is queued without ever waiting, and run in
 * the background by a fixed pool of workers.
 *
 * <p>Start with {@link dev.harbormaster.worker.WorkQueue}:
 *
 * <pre>{@code
 * WorkQueue<Warm> queue = WorkQueue.start(WorkQueueSettings.defaults(), "populator", attempt -> {
 *   try {
 *     warm(attempt.item());
 *     return WorkOutcome.success();
 *   } catch (TransientException e) {
 *     return WorkOutcome.retry(e.getMessage());
 *   } catch (Exception e) {
 *     return WorkOutcome.failure("not-found", e.getMessage());
 *   }
 * });
 * OfferResult r = queue.offer(WorkOffer.of("harbor/p/nginx:1", "harbor", warm)); // never blocks
 * ...
 * DrainReport left = queue.stop(Duration.ofSeconds(10));
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.harbormaster.worker.WorkSchedule}: the single-threaded core (ordering,
 *       deduplication, per-host limits, retry times), driven by an injected clock;
 *   <li>{@link dev.harbormaster.worker.DedupLedger}: keys in flight or finished within a TTL;
 *   <li>{@link dev.harbormaster.worker.RetryPolicy}: exponential backoff with full jitter;
 *   <li>{@link dev.harbormaster.worker.QueueStats}: counters for metrics and status documents.
 * </ul>
 *
 * <p>Which failures are worth retrying is decided by the caller's task through {@link
 * dev.harbormaster.worker.WorkOutcome}; this package only schedules.
 */
package dev.harbormaster.worker;
