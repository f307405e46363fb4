package dev.harbormaster.plugin.imagerewriter.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers existence answers briefly and lets only one request per distinct question be in flight
 * (single flight): concurrent admissions of pods with the same image share one HEAD.
 *
 * <p>A present image is remembered for {@code positiveTtl}, a missing one for {@code negativeTtl}
 * (short, so an image pushed to the mirror is used soon); failures are not remembered. When more
 * than {@code maxEntries} answers are held, expired ones go first, then any finished ones.
 */
public final class ProbeCache {
  private final Duration positiveTtl;
  private final Duration negativeTtl;
  private final int maxEntries;
  private final Clock clock;
  private final Map<ProbeKey, Entry> entries = new ConcurrentHashMap<>();

  /** A cache with the given lifetimes and bound. */
  public ProbeCache(Duration positiveTtl, Duration negativeTtl, int maxEntries, Clock clock) {
    this.positiveTtl = positiveTtl;
    this.negativeTtl = negativeTtl;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /**
   * The answer for {@code key}.
   *
   * @param start starts the request when there is neither a fresh answer nor one in flight
   */
  public Lookup lookup(ProbeKey key, Function<ProbeKey, CompletableFuture<ProbeResult>> start) {
    Instant now = clock.instant();
    boolean[] started = {false};
    Entry entry =
        entries.compute(
            key,
            (k, existing) -> {
              if (existing != null && existing.isUsable(now)) {
                return existing;
              }
              started[0] = true;
              return new Entry(start.apply(k));
            });
    if (started[0]) {
      entry.future.whenComplete((result, error) -> settle(key, entry, result));
      evictIfFull();
    }
    return new Lookup(entry.future, !started[0]);
  }

  /** The number of answers held or in flight. */
  public int size() {
    return entries.size();
  }

  private void settle(ProbeKey key, Entry entry, ProbeResult result) {
    Instant now = clock.instant();
    switch (result) {
      case ProbeResult.Present p -> entry.expires = now.plus(positiveTtl);
      case ProbeResult.Missing m -> entry.expires = now.plus(negativeTtl);
      case null, default -> entries.remove(key, entry);
    }
  }

  private void evictIfFull() {
    if (entries.size() <= maxEntries) {
      return;
    }
    Instant now = clock.instant();
    entries.values().removeIf(e -> e.future.isDone() && !e.isUsable(now));
    Iterator<Entry> it = entries.values().iterator();
    while (entries.size() > maxEntries && it.hasNext()) {
      if (it.next().future.isDone()) {
        it.remove();
      }
    }
  }

  /**
   * An answer or a request in flight.
   *
   * @param result completes with the answer
   * @param shared whether it came from the cache or joined a request already in flight (no new
   *     request was sent)
   */
  public record Lookup(CompletableFuture<ProbeResult> result, boolean shared) {}

  private static final class Entry {
    final CompletableFuture<ProbeResult> future;
    volatile Instant expires; // null while in flight

    Entry(CompletableFuture<ProbeResult> future) {
      this.future = future;
    }

    boolean isUsable(Instant now) {
      if (!future.isDone()) {
        return true;
      }
      Instant e = expires;
      return e != null && now.isBefore(e);
    }
  }
}
