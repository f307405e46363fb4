package dev.harbormaster.host.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts reviews being processed, so shutdown can wait for them to finish. */
final class InFlight {
  private final AtomicInteger count = new AtomicInteger();

  void enter() {
    count.incrementAndGet();
  }

  void exit() {
    count.decrementAndGet();
  }

  int current() {
    return count.get();
  }

  /** Waits until no review is in flight or {@code limit} has passed; true when drained. */
  boolean awaitDrained(Duration limit) throws InterruptedException {
    long until = System.nanoTime() + limit.toNanos();
    while (count.get() > 0) {
      if (System.nanoTime() - until > 0) return false;
      Thread.sleep(5);
    }
    return true;
  }
}
