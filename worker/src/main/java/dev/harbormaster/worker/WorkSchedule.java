package dev.harbormaster.worker;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * The single-threaded core of a {@link WorkQueue}: which item runs next, which offers are
 * duplicates, and when a failed item runs again. Time comes from an injected clock and jitter from
 * an injected random source, so every decision is reproducible in tests. Not thread-safe: the queue
 * calls it under its lock.
 *
 * <p>Order: higher priority first, then offer order; an item waiting for a retry is skipped until
 * its time has come, and an item whose host already has {@code perHostConcurrency} items in flight
 * is skipped until one of them finishes.
 *
 * @param <T> the payload type
 */
final class WorkSchedule<T> {
  /** A queued or running item. Mutable, owned by this schedule. */
  static final class Entry<T> {
    final long seq;
    WorkOffer<T> offer;
    int priority;
    Instant readyAt;
    int attempts;
    final List<String> aliases = new ArrayList<>();

    Entry(long seq, WorkOffer<T> offer, Instant readyAt) {
      this.seq = seq;
      this.offer = offer;
      this.priority = offer.priority();
      this.readyAt = readyAt;
    }
  }

  private static final Comparator<Entry<?>> ORDER =
      Comparator.<Entry<?>>comparingInt(e -> -e.priority).thenComparingLong(e -> e.seq);

  private final WorkQueueSettings settings;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final DedupLedger ledger;
  private final TreeSet<Entry<T>> queued = new TreeSet<>(ORDER);
  private final Map<String, Entry<T>> queuedByKey = new HashMap<>();
  private final Map<Long, Entry<T>> inFlight = new HashMap<>();
  private final Map<String, Integer> inFlightByHost = new HashMap<>();
  private final Counters counters = new Counters();
  private long nextSeq;
  private boolean closed;
  private Instant stopBy = Instant.MAX;

  WorkSchedule(WorkQueueSettings settings, InstantSource clock, RandomGenerator random) {
    this.settings = settings;
    this.clock = clock;
    this.random = random;
    this.ledger = new DedupLedger(settings.dedupTtl(), settings.maxRemembered());
  }

  /** Queues, replaces, deduplicates or drops {@code offer}; never waits. */
  OfferResult offer(WorkOffer<T> offer) {
    counters.offered++;
    if (closed) {
      counters.rejectedStopped++;
      return OfferResult.STOPPED;
    }
    Entry<T> existing = queuedByKey.get(offer.key());
    if (existing != null) {
      if (!settings.replaceQueued()) {
        counters.deduplicated++;
        return OfferResult.DEDUPLICATED;
      }
      queued.remove(existing);
      existing.offer = offer;
      existing.priority = Math.max(existing.priority, offer.priority());
      queued.add(existing);
      counters.replaced++;
      return OfferResult.REPLACED;
    }
    if (ledger.isBusy(offer.key(), clock.instant())) {
      counters.deduplicated++;
      return OfferResult.DEDUPLICATED;
    }
    if (queued.size() >= settings.capacity()) {
      counters.dropped++;
      return OfferResult.DROPPED;
    }
    Entry<T> entry = new Entry<>(nextSeq++, offer, Instant.MIN);
    queued.add(entry);
    queuedByKey.put(offer.key(), entry);
    ledger.begin(offer.key());
    counters.enqueued++;
    return OfferResult.ENQUEUED;
  }

  /** Takes the next item that is ready and whose host has room, marking it in flight. */
  Optional<Entry<T>> poll() {
    Instant now = clock.instant();
    for (Entry<T> e : queued) {
      if (e.readyAt.isAfter(now)
          || inFlightByHost.getOrDefault(e.offer.host(), 0) >= settings.perHostConcurrency()) {
        continue;
      }
      queued.remove(e);
      queuedByKey.remove(e.offer.key());
      e.attempts++;
      inFlight.put(e.seq, e);
      inFlightByHost.merge(e.offer.host(), 1, Integer::sum);
      return Optional.of(e);
    }
    return Optional.empty();
  }

  /** The attempt view of an entry taken by {@link #poll}; {@code claimer} runs under the lock. */
  Attempt<T> attempt(Entry<T> e, java.util.function.Predicate<String> claimer) {
    return new Attempt<>(e.offer, e.attempts, claimer);
  }

  /** See {@link Attempt#claim}. */
  boolean claim(Entry<T> owner, String alias) {
    if (alias.equals(owner.offer.key()) || owner.aliases.contains(alias)) {
      return true;
    }
    Entry<T> waiting = queuedByKey.remove(alias);
    if (waiting != null) { // the same work, not started yet: this item does it
      queued.remove(waiting);
      counters.deduplicated++;
      owner.aliases.add(alias);
      return true;
    }
    if (ledger.isBusy(alias, clock.instant())) {
      return false;
    }
    ledger.begin(alias);
    owner.aliases.add(alias);
    return true;
  }

  /** Records the outcome of an attempt of {@code e}: finishes it or schedules it again. */
  Completion complete(Entry<T> e, WorkOutcome outcome) {
    Instant now = clock.instant();
    inFlight.remove(e.seq);
    inFlightByHost.computeIfPresent(e.offer.host(), (h, n) -> n == 1 ? null : n - 1);
    Optional<Duration> retryIn =
        outcome instanceof WorkOutcome.Retry retry
                && settings.retry().allowsAnotherAfter(e.attempts)
            ? Optional.of(retryDelay(e, retry))
            : Optional.empty();
    // Once closed, a retry is rescheduled only if it can start before the stop deadline.
    if (retryIn.isPresent() && !(closed && now.plus(retryIn.get()).isAfter(stopBy))) {
      Duration delay = retryIn.get();
      e.readyAt = now.plus(delay);
      queued.add(e);
      queuedByKey.put(e.offer.key(), e);
      counters.retried++;
      return new Completion(Optional.empty(), e.attempts, Optional.of(delay));
    }
    ledger.finish(e.offer.key(), now);
    if (outcome instanceof WorkOutcome.Success) {
      e.aliases.forEach(a -> ledger.finish(a, now));
      counters.succeeded++;
    } else {
      e.aliases.forEach(ledger::abandon);
      counters.failed++;
    }
    return new Completion(Optional.of(outcome), e.attempts, Optional.empty());
  }

  private Duration retryDelay(Entry<T> e, WorkOutcome.Retry retry) {
    Duration delay = settings.retry().delayBefore(e.attempts, random);
    if (retry.notBefore().isPresent() && retry.notBefore().get().compareTo(delay) > 0) {
      delay = retry.notBefore().get();
    }
    return delay;
  }

  /** The earliest time a queued item becomes ready, if any item is queued. */
  Optional<Instant> nextReadyAt() {
    return queued.stream().map(e -> e.readyAt).min(Comparator.naturalOrder());
  }

  /**
   * Refuses further offers (they return {@link OfferResult#STOPPED}); retries are not rescheduled.
   */
  void close() {
    close(clock.instant());
  }

  /**
   * Refuses further offers (they return {@link OfferResult#STOPPED}); a retry is still rescheduled
   * when it becomes ready no later than {@code stopBy} (the stop deadline), so draining with a
   * deadline lets transient failures be retried.
   */
  void close(Instant stopBy) {
    closed = true;
    this.stopBy = stopBy;
  }

  /** Nothing queued and nothing in flight. */
  boolean isIdle() {
    return queued.isEmpty() && inFlight.isEmpty();
  }

  int inFlightCount() {
    return inFlight.size();
  }

  /** Removes and returns every queued item (at stop). */
  List<WorkOffer<T>> removeQueued() {
    List<WorkOffer<T>> left = queued.stream().map(e -> e.offer).toList();
    counters.droppedAtStop += left.size();
    queued.clear();
    queuedByKey.clear();
    return left;
  }

  /** The items in flight. */
  List<WorkOffer<T>> inFlightOffers() {
    return inFlight.values().stream().map(e -> e.offer).toList();
  }

  QueueStats stats() {
    Instant now = clock.instant();
    int waiting = (int) queued.stream().filter(e -> e.readyAt.isAfter(now)).count();
    return new QueueStats(
        queued.size(),
        waiting,
        inFlight.size(),
        settings.capacity(),
        counters.offered,
        counters.enqueued,
        counters.replaced,
        counters.deduplicated,
        counters.dropped,
        counters.rejectedStopped,
        counters.succeeded,
        counters.failed,
        counters.retried,
        counters.droppedAtStop);
  }

  private static final class Counters {
    long offered;
    long enqueued;
    long replaced;
    long deduplicated;
    long dropped;
    long rejectedStopped;
    long succeeded;
    long failed;
    long retried;
    long droppedAtStop;
  }
}
