package dev.harbormaster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WorkScheduleTest {
  private final MutableClock clock = new MutableClock();
  private final WorkQueueSettings settings =
      new WorkQueueSettings(
          3,
          4,
          1,
          Duration.ofMinutes(10),
          100,
          false,
          Duration.ofMinutes(1),
          new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofMinutes(10)));

  private WorkSchedule<String> schedule(WorkQueueSettings s) {
    return new WorkSchedule<>(s, clock, new SplittableRandom(1));
  }

  private static WorkOffer<String> offer(String key, String host) {
    return WorkOffer.of(key, host, key);
  }

  @Test
  void fullQueue_dropsAndCounts() {
    WorkSchedule<String> s = schedule(settings);
    assertThat(s.offer(offer("a", "h"))).isEqualTo(OfferResult.ENQUEUED);
    assertThat(s.offer(offer("b", "h"))).isEqualTo(OfferResult.ENQUEUED);
    assertThat(s.offer(offer("c", "h"))).isEqualTo(OfferResult.ENQUEUED);
    assertThat(s.offer(offer("d", "h"))).isEqualTo(OfferResult.DROPPED);
    QueueStats stats = s.stats();
    assertThat(stats.depth()).isEqualTo(3);
    assertThat(stats.dropped()).isEqualTo(1);
    assertThat(stats.offered()).isEqualTo(4);
  }

  @Test
  void sameKey_queuedInFlightOrRecentlyFinished_isDeduplicated() {
    WorkSchedule<String> s = schedule(settings);
    s.offer(offer("a", "h"));
    assertThat(s.offer(offer("a", "h"))).isEqualTo(OfferResult.DEDUPLICATED);
    var e = s.poll().orElseThrow();
    assertThat(s.offer(offer("a", "h"))).isEqualTo(OfferResult.DEDUPLICATED);
    s.complete(e, WorkOutcome.success());
    assertThat(s.offer(offer("a", "h"))).isEqualTo(OfferResult.DEDUPLICATED);
    clock.advance(Duration.ofMinutes(10));
    assertThat(s.offer(offer("a", "h"))).isEqualTo(OfferResult.ENQUEUED);
    assertThat(s.stats().deduplicated()).isEqualTo(3);
  }

  @Test
  void replaceQueued_swapsThePayload_keepingThePlace() {
    WorkSchedule<String> s = schedule(settings.withReplaceQueued(true));
    s.offer(WorkOffer.of("a", "h", "old"));
    s.offer(offer("b", "h"));
    assertThat(s.offer(WorkOffer.of("a", "h", "new"))).isEqualTo(OfferResult.REPLACED);
    assertThat(s.poll().orElseThrow().offer.item()).isEqualTo("new");
  }

  @Test
  void higherPriority_runsFirst_thenOfferOrder() {
    WorkSchedule<String> s = schedule(settings.withWorkers(4, 4));
    s.offer(new WorkOffer<>("low", "h", 0, "low"));
    s.offer(new WorkOffer<>("high", "h", 5, "high"));
    s.offer(new WorkOffer<>("low2", "h", 0, "low2"));
    assertThat(s.poll().orElseThrow().offer.key()).isEqualTo("high");
    assertThat(s.poll().orElseThrow().offer.key()).isEqualTo("low");
    assertThat(s.poll().orElseThrow().offer.key()).isEqualTo("low2");
  }

  @Test
  void saturatedHost_isSkipped_untilAnItemOfItFinishes() {
    WorkSchedule<String> s = schedule(settings); // 1 per host
    s.offer(offer("a1", "a"));
    s.offer(offer("a2", "a"));
    s.offer(offer("b1", "b"));
    var a1 = s.poll().orElseThrow();
    assertThat(s.poll().orElseThrow().offer.key()).isEqualTo("b1");
    assertThat(s.poll()).isEmpty();
    s.complete(a1, WorkOutcome.success());
    assertThat(s.poll().orElseThrow().offer.key()).isEqualTo("a2");
  }

  @Test
  void transientFailure_isRetriedAfterTheJitteredBackoff_untilAttemptsRunOut() {
    WorkSchedule<String> s = schedule(settings);
    s.offer(offer("a", "h"));
    var e = s.poll().orElseThrow();
    Completion first = s.complete(e, WorkOutcome.retry("unavailable", "503"));
    assertThat(first.finished()).isFalse();
    Duration delay = first.retryIn().orElseThrow();
    assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(10));
    assertThat(s.stats().waitingForRetry()).isEqualTo(delay.isZero() ? 0 : 1);
    clock.advance(delay);
    e = s.poll().orElseThrow();
    Completion second = s.complete(e, WorkOutcome.retry("unavailable", "503"));
    assertThat(second.retryIn().orElseThrow()).isBetween(Duration.ZERO, Duration.ofSeconds(20));
    clock.advance(second.retryIn().orElseThrow());
    e = s.poll().orElseThrow();
    Completion third = s.complete(e, WorkOutcome.retry("unavailable", "503"));
    assertThat(third.finished()).isTrue();
    assertThat(third.attempts()).isEqualTo(3);
    assertThat(s.stats().failed()).isEqualTo(1);
    assertThat(s.stats().retried()).isEqualTo(2);
  }

  @Test
  void itemWaitingForRetry_isNotPolledBeforeItsTime() {
    WorkSchedule<String> s = schedule(settings);
    s.offer(offer("a", "h"));
    var e = s.poll().orElseThrow();
    s.complete(e, WorkOutcome.retryAfter("rate-limited", "429", Duration.ofMinutes(5)));
    assertThat(s.poll()).isEmpty();
    assertThat(s.nextReadyAt()).contains(clock.instant().plus(Duration.ofMinutes(5)));
    clock.advance(Duration.ofMinutes(5));
    assertThat(s.poll()).isPresent();
  }

  @Test
  void permanentFailure_isNotRetried_andIsDeduplicatedForTheTtl() {
    WorkSchedule<String> s = schedule(settings);
    s.offer(offer("a", "h"));
    Completion c = s.complete(s.poll().orElseThrow(), WorkOutcome.failure("not-found", "404"));
    assertThat(c.finished()).isTrue();
    assertThat(c.finalOutcome()).containsInstanceOf(WorkOutcome.Failure.class);
    assertThat(s.poll()).isEmpty();
    assertThat(s.offer(offer("a", "h"))).isEqualTo(OfferResult.DEDUPLICATED);
  }

  @Test
  void claimedAlias_deduplicatesLaterOffers_afterSuccess() {
    WorkSchedule<String> s = schedule(settings);
    s.offer(offer("repo:tag", "h"));
    var e = s.poll().orElseThrow();
    assertThat(s.claim(e, "repo@sha256:1")).isTrue();
    assertThat(s.offer(offer("repo@sha256:1", "h"))).isEqualTo(OfferResult.DEDUPLICATED);
    s.complete(e, WorkOutcome.success());
    assertThat(s.offer(offer("repo@sha256:1", "h"))).isEqualTo(OfferResult.DEDUPLICATED);
  }

  @Test
  void aliasOwnedElsewhere_cannotBeClaimed() {
    WorkSchedule<String> s = schedule(settings.withWorkers(4, 4));
    s.offer(offer("repo:a", "h"));
    s.offer(offer("repo:b", "h"));
    var a = s.poll().orElseThrow();
    var b = s.poll().orElseThrow();
    assertThat(s.claim(a, "repo@sha256:1")).isTrue();
    assertThat(s.claim(b, "repo@sha256:1")).isFalse();
  }

  @Test
  void claimingTheKeyOfAQueuedItem_absorbsIt() {
    WorkSchedule<String> s = schedule(settings);
    s.offer(offer("repo:tag", "h"));
    s.offer(offer("repo@sha256:1", "h2"));
    var e = s.poll().orElseThrow();
    assertThat(s.claim(e, "repo@sha256:1")).isTrue();
    assertThat(s.stats().depth()).isZero();
  }

  @Test
  void failedItem_releasesItsAliases() {
    WorkSchedule<String> s = schedule(settings);
    s.offer(offer("repo:tag", "h"));
    var e = s.poll().orElseThrow();
    s.claim(e, "repo@sha256:1");
    s.complete(e, WorkOutcome.failure("denied", "403"));
    assertThat(s.offer(offer("repo@sha256:1", "h"))).isEqualTo(OfferResult.ENQUEUED);
  }

  @Test
  void closedSchedule_refusesOffers_andDoesNotRescheduleRetries() {
    WorkSchedule<String> s = schedule(settings);
    s.offer(offer("a", "h"));
    var e = s.poll().orElseThrow();
    s.close();
    assertThat(s.offer(offer("b", "h"))).isEqualTo(OfferResult.STOPPED);
    assertThat(s.complete(e, WorkOutcome.retry("unavailable", "503")).finished()).isTrue();
    assertThat(s.isIdle()).isTrue();
    assertThat(s.stats().rejectedStopped()).isEqualTo(1);
  }

  @Test
  void nextReadyAt_isEmptyWhenNothingIsQueued() {
    assertThat(schedule(settings).nextReadyAt()).isEqualTo(Optional.empty());
  }
}
