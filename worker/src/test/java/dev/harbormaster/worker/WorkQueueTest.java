package dev.harbormaster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The queue with real worker threads; waits use latches, nothing asserts on elapsed time. */
class WorkQueueTest {
  private final WorkQueueSettings settings =
      WorkQueueSettings.defaults()
          .withCapacity(2)
          .withWorkers(1, 1)
          .withRetry(new RetryPolicy(3, Duration.ZERO, Duration.ZERO));

  @Test
  void offer_neverWaits_evenWhenTheOnlyWorkerIsBlocked_andAFullQueueDrops() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WorkQueue<String> queue =
        WorkQueue.<String>builder(
                a -> {
                  started.countDown();
                  release.await();
                  return WorkOutcome.success();
                })
            .settings(settings)
            .start();
    queue.offer(WorkOffer.of("running", "h", "x"));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(queue.offer(WorkOffer.of("q1", "h", "x"))).isEqualTo(OfferResult.ENQUEUED);
    assertThat(queue.offer(WorkOffer.of("q2", "h", "x"))).isEqualTo(OfferResult.ENQUEUED);
    for (int i = 0; i < 1000; i++) {
      assertThat(queue.offer(WorkOffer.of("more" + i, "h", "x"))).isEqualTo(OfferResult.DROPPED);
    }
    QueueStats stats = queue.stats();
    assertThat(stats.dropped()).isEqualTo(1000);
    assertThat(stats.inFlight()).isEqualTo(1);
    assertThat(stats.depth()).isEqualTo(2);
    release.countDown();
    DrainReport report = queue.stop(Duration.ofSeconds(30));
    assertThat(report.complete()).isTrue();
    assertThat(queue.stats().succeeded()).isEqualTo(3);
  }

  @Test
  void listener_seesAttemptsInCompletionOrder_evenWhenARetryRunsAtOnceOnAnotherWorker()
      throws Exception {
    // Two workers and no backoff: the retry is picked up by the other worker at once. A listener
    // that is slow to record the first attempt must still record it before the retry's outcome.
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    WorkQueue<String> queue =
        WorkQueue.<String>builder(
                a ->
                    a.number() < 2
                        ? WorkOutcome.retry("unavailable", "503")
                        : WorkOutcome.failure("not-found", "404"))
            .settings(
                settings
                    .withWorkers(2, 2)
                    .withRetry(new RetryPolicy(2, Duration.ZERO, Duration.ZERO)))
            .listener(
                (offer, outcome, completion) -> {
                  if (!completion.finished()) {
                    try {
                      Thread.sleep(200); // a slow recorder gives the retry time to overtake it
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  seen.add(outcome.getClass().getSimpleName());
                  if (completion.finished()) {
                    done.countDown();
                  }
                })
            .start();
    queue.offer(WorkOffer.of("a", "h", "x"));
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).containsExactly("Retry", "Failure");
    queue.stop(Duration.ofSeconds(5));
  }

  @Test
  void transientFailures_areRetried_andTheListenerSeesEveryAttempt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<Completion> completions = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    WorkQueue<String> queue =
        WorkQueue.<String>builder(
                a ->
                    a.number() < 3
                        ? WorkOutcome.retry("unavailable", "503")
                        : WorkOutcome.success())
            .settings(settings)
            .listener(
                (offer, outcome, completion) -> {
                  calls.incrementAndGet();
                  completions.add(completion);
                  if (completion.finished()) {
                    done.countDown();
                  }
                })
            .start();
    queue.offer(WorkOffer.of("a", "h", "x"));
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(calls).hasValue(3);
    assertThat(completions.get(2).finalOutcome()).containsInstanceOf(WorkOutcome.Success.class);
    assertThat(queue.stats().retried()).isEqualTo(2);
    queue.stop(Duration.ofSeconds(5));
  }

  @Test
  void throwingTask_isAPermanentFailure() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    List<WorkOutcome> outcomes = new CopyOnWriteArrayList<>();
    WorkQueue<String> queue =
        WorkQueue.<String>builder(
                a -> {
                  throw new IllegalStateException("boom");
                })
            .settings(settings)
            .listener(
                (o, outcome, c) -> {
                  outcomes.add(outcome);
                  done.countDown();
                })
            .start();
    queue.offer(WorkOffer.of("a", "h", "x"));
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(outcomes.getFirst())
        .isEqualTo(WorkOutcome.failure("error", "java.lang.IllegalStateException: boom"));
    queue.stop(Duration.ofSeconds(5));
  }

  @Test
  void perHostLimit_holdsUnderManyWorkers() throws Exception {
    ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();
    AtomicInteger maxSeen = new AtomicInteger();
    CountDownLatch all = new CountDownLatch(20);
    WorkQueue<String> queue =
        WorkQueue.<String>builder(
                a -> {
                  int now =
                      running.computeIfAbsent(a.host(), h -> new AtomicInteger()).incrementAndGet();
                  maxSeen.accumulateAndGet(now, Math::max);
                  Thread.sleep(2);
                  running.get(a.host()).decrementAndGet();
                  all.countDown();
                  return WorkOutcome.success();
                })
            .settings(WorkQueueSettings.defaults().withWorkers(8, 2))
            .start();
    for (int i = 0; i < 20; i++) {
      queue.offer(WorkOffer.of("k" + i, i % 2 == 0 ? "a" : "b", "x"));
    }
    assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(maxSeen.get()).isLessThanOrEqualTo(2);
    queue.stop(Duration.ofSeconds(5));
  }

  @Test
  void stop_reportsWhatWasLeft_whenTheDeadlinePasses() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    WorkQueue<String> queue =
        WorkQueue.<String>builder(
                a -> {
                  started.countDown();
                  new CountDownLatch(1).await(); // until interrupted
                  return WorkOutcome.success();
                })
            .settings(settings)
            .start();
    queue.offer(WorkOffer.of("stuck", "h", "x"));
    queue.offer(WorkOffer.of("waiting", "h", "x"));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    DrainReport report = queue.stop(Duration.ofMillis(50));
    assertThat(report.notStarted()).containsExactly("waiting");
    assertThat(report.interrupted()).containsExactly("stuck");
    assertThat(queue.offer(WorkOffer.of("late", "h", "x"))).isEqualTo(OfferResult.STOPPED);
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void stop_doesNotWaitForRetriesDueAfterTheDeadline() throws Exception {
    CountDownLatch attempted = new CountDownLatch(1);
    WorkQueue<String> queue =
        WorkQueue.<String>builder(
                a -> {
                  attempted.countDown();
                  return WorkOutcome.retryAfter("rate-limited", "429", Duration.ofHours(1));
                })
            .settings(WorkQueueSettings.defaults().withRetry(RetryPolicy.DEFAULT))
            .start();
    queue.offer(WorkOffer.of("later", "h", "x"));
    assertThat(attempted.await(10, TimeUnit.SECONDS)).isTrue();
    // Wait until the retry is scheduled (the attempt has been completed).
    while (queue.stats().waitingForRetry() == 0) {
      Thread.sleep(5);
    }
    DrainReport report = queue.stop(Duration.ofMinutes(30)); // the test's timeout guards this
    assertThat(report.notStarted()).containsExactly("later");
    assertThat(report.interrupted()).isEmpty();
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void stop_retriesAFailureThatHappensWhileStopping_whenTheRetryCanStartBeforeTheDeadline()
      throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger attempts = new AtomicInteger();
    WorkQueue<String> queue =
        WorkQueue.<String>builder(
                a -> {
                  if (!a.item().equals("flaky")) {
                    return WorkOutcome.success(); // the probes below
                  }
                  if (attempts.incrementAndGet() == 1) {
                    firstStarted.countDown();
                    release.await();
                    return WorkOutcome.retry("unavailable", "503");
                  }
                  return WorkOutcome.success();
                })
            .settings(settings)
            .start();
    queue.offer(WorkOffer.of("flaky", "h", "flaky"));
    assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
    java.util.concurrent.CompletableFuture<DrainReport> stopped =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return queue.stop(Duration.ofMinutes(5));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    for (int i = 0;
        queue.offer(WorkOffer.of("probe" + i, "h", "probe")) != OfferResult.STOPPED;
        i++) {
      Thread.sleep(5); // until stop has closed the queue
    }
    release.countDown(); // the attempt in flight fails transiently while the queue is stopping

    DrainReport report = stopped.get(50, TimeUnit.SECONDS);

    assertThat(report.complete()).isTrue();
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(queue.stats().retried()).isEqualTo(1);
    assertThat(queue.stats().failed()).isZero();
    assertThat(queue.stats().droppedAtStop()).isZero();
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void stop_tellsTheListenerAndCountsTheItemsItDrops() throws Exception {
    List<String> dropped = new CopyOnWriteArrayList<>();
    CountDownLatch attempted = new CountDownLatch(1);
    WorkQueue<String> queue =
        WorkQueue.<String>builder(
                a -> {
                  attempted.countDown();
                  return WorkOutcome.retryAfter("rate-limited", "429", Duration.ofHours(1));
                })
            .settings(WorkQueueSettings.defaults().withRetry(RetryPolicy.DEFAULT))
            .listener(
                new WorkListener<>() {
                  @Override
                  public void attempted(
                      WorkOffer<String> offer, WorkOutcome outcome, Completion completion) {}

                  @Override
                  public void droppedAtStop(WorkOffer<String> offer) {
                    dropped.add(offer.key());
                  }
                })
            .start();
    queue.offer(WorkOffer.of("later", "h", "x"));
    assertThat(attempted.await(10, TimeUnit.SECONDS)).isTrue();
    while (queue.stats().waitingForRetry() == 0) {
      Thread.sleep(5);
    }

    DrainReport report = queue.stop(Duration.ofSeconds(1));

    assertThat(report.notStarted()).containsExactly("later");
    assertThat(dropped).containsExactly("later");
    assertThat(queue.stats().droppedAtStop()).isEqualTo(1);
    assertThat(queue.stats().depth()).isZero();
  }
}
