package dev.harbormaster.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys that need no new work: those queued or in flight ({@link #begin}), and those finished
 * less than a TTL ago ({@link #finish}). At most {@code maxRemembered} finished keys are kept; the
 * oldest are forgotten first. Not thread-safe: {@link WorkSchedule} guards it.
 */
final class DedupLedger {
  private final Duration ttl;
  private final int maxRemembered;
  private final Set<String> active = new HashSet<>();
  private final LinkedHashMap<String, Instant> finished = new LinkedHashMap<>();

  DedupLedger(Duration ttl, int maxRemembered) {
    this.ttl = ttl;
    this.maxRemembered = maxRemembered;
  }

  /** Whether {@code key} is active, or finished within the TTL before {@code now}. */
  boolean isBusy(String key, Instant now) {
    prune(now);
    return active.contains(key) || finished.containsKey(key);
  }

  /** Marks {@code key} as queued or in flight. */
  void begin(String key) {
    active.add(key);
  }

  /** Marks {@code key} finished at {@code now}: deduplicated for the TTL. */
  void finish(String key, Instant now) {
    active.remove(key);
    finished.remove(key); // re-insert at the end: the map stays ordered by finish time
    if (ttl.isPositive()) {
      finished.put(key, now);
      while (finished.size() > maxRemembered) {
        Iterator<String> eldest = finished.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
  }

  /** Forgets {@code key}: the next offer of it is accepted. */
  void abandon(String key) {
    active.remove(key);
    finished.remove(key);
  }

  /** Finished keys currently remembered. */
  int remembered() {
    return finished.size();
  }

  private void prune(Instant now) {
    Instant cutoff = now.minus(ttl);
    Iterator<Map.Entry<String, Instant>> it = finished.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Instant> e = it.next();
      if (e.getValue().isAfter(cutoff)) {
        return; // ordered by finish time: the rest are younger
      }
      it.remove();
    }
  }
}
