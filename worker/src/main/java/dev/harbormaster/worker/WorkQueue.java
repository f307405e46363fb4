package dev.harbormaster.worker;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded work queue with a fixed pool of workers (virtual threads): the one background-work
 * engine of the plugins. {@link #offer} never waits: it queues, deduplicates, replaces or drops
 * (and counts) under a short internal lock whose holders do only in-memory bookkeeping. Workers run
 * the {@link WorkTask} with per-host concurrency limits and reschedule transient failures with the
 * {@link RetryPolicy}. {@link #stop} drains until a deadline. See {@link WorkSchedule} for the
 * order of work.
 *
 * @param <T> the payload type
 */
public final class WorkQueue<T> {
  private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

  private final String name;
  private final WorkTask<T> task;
  private final WorkListener<T> listener;
  private final InstantSource clock;
  private final WorkSchedule<T> schedule;
  private final RateLimitedLog dropLog;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Thread> workers = new ArrayList<>();
  private boolean terminated;

  private WorkQueue(Builder<T> b) {
    this.name = b.name;
    this.task = b.task;
    this.listener = b.listener;
    this.clock = b.clock;
    this.schedule = new WorkSchedule<>(b.settings, b.clock, b.random);
    this.dropLog = new RateLimitedLog(b.settings.dropLogInterval(), b.clock);
  }

  /** Starts configuring a queue that runs {@code task}. */
  public static <T> Builder<T> builder(WorkTask<T> task) {
    return new Builder<>(task);
  }

  /**
   * Offers an item without waiting: queued, replaced, deduplicated, dropped when full (counted,
   * logged at most once per {@code dropLogInterval}), or refused once stopping.
   */
  public OfferResult offer(WorkOffer<T> offer) {
    OfferResult result;
    lock.lock();
    try {
      result = schedule.offer(offer);
      if (result == OfferResult.ENQUEUED || result == OfferResult.REPLACED) {
        changed.signal();
      }
    } finally {
      lock.unlock();
    }
    if (result == OfferResult.DROPPED) {
      long held = dropLog.tryLog();
      if (held >= 0) {
        LOG.warn(
            "{}: queue full, dropped {} ({} more dropped since the last report)",
            name,
            offer.key(),
            held);
      }
    }
    return result;
  }

  /** A snapshot of the gauges and counters. */
  public QueueStats stats() {
    lock.lock();
    try {
      return schedule.stats();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops accepting offers, lets the workers finish what is queued until {@code deadline}, then
   * interrupts them. Transient failures are still retried while their retry can start before the
   * deadline; items waiting for a retry that cannot are not waited for. Every item still queued at
   * the end is dropped: counted in {@link QueueStats#droppedAtStop}, told to the listener ({@link
   * WorkListener#droppedAtStop}) and listed in the report.
   *
   * @return what was left undone
   */
  public DrainReport stop(Duration deadline) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    List<String> notStarted;
    List<String> interrupted;
    lock.lock();
    try {
      schedule.close(stopBy(deadline));
      changed.signalAll();
      long left;
      while (!schedule.isIdle()
          && (left = end - System.nanoTime()) > 0
          && !onlyLateRetries(Duration.ofNanos(left))) {
        changed.awaitNanos(left);
      }
      terminated = true;
      List<WorkOffer<T>> dropped = schedule.removeQueued();
      notStarted = dropped.stream().map(WorkOffer::key).toList();
      for (WorkOffer<T> offer : dropped) {
        try {
          listener.droppedAtStop(offer);
        } catch (RuntimeException e) {
          LOG.warn("{}: listener failed for dropped {}", name, offer.key(), e);
        }
      }
      interrupted = schedule.inFlightOffers().stream().map(WorkOffer::key).toList();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    workers.forEach(Thread::interrupt);
    for (Thread t : workers) {
      t.join(TimeUnit.SECONDS.toMillis(1));
    }
    if (!notStarted.isEmpty() || !interrupted.isEmpty()) {
      LOG.warn(
          "{}: stopped with {} items not started {} and {} interrupted {}",
          name,
          notStarted.size(),
          notStarted,
          interrupted.size(),
          interrupted);
    }
    return new DrainReport(notStarted, interrupted);
  }

  private Instant stopBy(Duration deadline) {
    try {
      return clock.instant().plus(deadline);
    } catch (java.time.DateTimeException | ArithmeticException e) {
      return Instant.MAX;
    }
  }

  private boolean onlyLateRetries(Duration remaining) {
    if (schedule.inFlightCount() > 0) {
      return false;
    }
    Optional<Instant> next = schedule.nextReadyAt();
    return next.isPresent() && next.get().isAfter(clock.instant().plus(remaining));
  }

  private void start(int count) {
    for (int i = 0; i < count; i++) {
      workers.add(Thread.ofVirtual().name(name + "-worker-" + i).start(this::work));
    }
  }

  private void work() {
    while (true) {
      WorkSchedule.Entry<T> entry;
      lock.lock();
      try {
        Optional<WorkSchedule.Entry<T>> next = Optional.empty();
        while (!terminated && (next = schedule.poll()).isEmpty()) {
          awaitChange();
        }
        if (terminated || next.isEmpty()) {
          return;
        }
        entry = next.get();
      } catch (InterruptedException e) {
        if (terminated) {
          return;
        }
        continue;
      } finally {
        lock.unlock();
      }
      run(entry);
    }
  }

  private void awaitChange() throws InterruptedException {
    Optional<Instant> next = schedule.nextReadyAt();
    if (next.isEmpty()) {
      changed.await();
      return;
    }
    Duration wait = Duration.between(clock.instant(), next.get());
    // Instant.MIN: ready now but its host is saturated; wait for a completion signal.
    if (next.get().equals(Instant.MIN) || !wait.isPositive()) {
      changed.await(1, TimeUnit.SECONDS); // a host slot frees up with a signal; this bounds a miss
    } else {
      changed.awaitNanos(wait.toNanos());
    }
  }

  private void run(WorkSchedule.Entry<T> entry) {
    Attempt<T> attempt = schedule.attempt(entry, alias -> claim(entry, alias));
    WorkOffer<T> offer = entry.offer;
    WorkOutcome outcome;
    try {
      outcome = Objects.requireNonNull(task.run(attempt), "task returned null");
    } catch (InterruptedException e) {
      outcome = WorkOutcome.retry("interrupted", "interrupted at stop");
    } catch (Exception | Error e) {
      LOG.warn("{}: task for {} failed unexpectedly", name, offer.key(), e);
      outcome = WorkOutcome.failure("error", e.toString());
    }
    lock.lock();
    try {
      Completion completion = schedule.complete(entry, outcome);
      // Report before releasing the lock: a retry due at once cannot start (let alone be reported)
      // until this attempt has been, so listeners see attempts in completion order.
      try {
        listener.attempted(offer, outcome, completion);
      } catch (RuntimeException e) {
        LOG.warn("{}: listener failed for {}", name, offer.key(), e);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private boolean claim(WorkSchedule.Entry<T> entry, String alias) {
    lock.lock();
    try {
      return schedule.claim(entry, alias);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Configures a {@link WorkQueue}.
   *
   * @param <T> the payload type
   */
  public static final class Builder<T> {
    private final WorkTask<T> task;
    private WorkQueueSettings settings = WorkQueueSettings.defaults();
    private String name = "work";
    private WorkListener<T> listener = WorkListener.none();
    private InstantSource clock = InstantSource.system();
    private RandomGenerator random = RandomGenerator.getDefault();

    private Builder(WorkTask<T> task) {
      this.task = Objects.requireNonNull(task, "task");
    }

    /** The queue's shape (default {@link WorkQueueSettings#defaults()}). */
    public Builder<T> settings(WorkQueueSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The name used in thread names and logs. */
    public Builder<T> name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Told after each attempt. */
    public Builder<T> listener(WorkListener<T> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The clock for retry times, dedup TTLs and drop logs (tests inject their own). */
    public Builder<T> clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The source of retry jitter (tests inject a seeded one). */
    public Builder<T> random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Creates the queue and starts its workers. */
    public WorkQueue<T> start() {
      WorkQueue<T> queue = new WorkQueue<>(this);
      queue.start(settings.workers());
      return queue;
    }
  }
}
