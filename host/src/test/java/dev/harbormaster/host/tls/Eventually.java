package dev.harbormaster.host.tls;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** A bounded wait for an asynchronous outcome (not a timing assertion: the bound is generous). */
final class Eventually {
  private static final Duration BOUND = Duration.ofSeconds(30);

  private Eventually() {}

  /** Calls {@code probe} until its value satisfies {@code done}; fails after the bound. */
  static <T> T await(String what, Callable<T> probe, Predicate<T> done) throws Exception {
    Instant deadline = Instant.now().plus(BOUND);
    T last = probe.call();
    while (!done.test(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("gave up waiting for " + what + "; last value: " + last);
      }
      Thread.sleep(100);
      last = probe.call();
    }
    return last;
  }
}
