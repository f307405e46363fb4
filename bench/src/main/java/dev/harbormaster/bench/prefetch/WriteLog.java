package dev.harbormaster.bench.prefetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The status writes an API server received: per node, the receive times in milliseconds since the
 * start of the run. Thread-safe for recording; the summaries are taken after the run.
 */
final class WriteLog {
  private final Map<String, List<Long>> byNode = new ConcurrentHashMap<>();

  /** Records a write of {@code node}'s status received at {@code millis}. */
  void record(String node, long millis) {
    List<Long> times = byNode.computeIfAbsent(node, n -> new ArrayList<>());
    synchronized (times) {
      times.add(millis);
    }
  }

  /** All writes recorded. */
  long total() {
    return byNode.values().stream().mapToLong(List::size).sum();
  }

  /** Nodes that wrote at least once. */
  int nodes() {
    return byNode.size();
  }

  /** Writes per whole second of the run (second 0 is the first), in order. */
  Map<Long, Long> perSecond() {
    Map<Long, Long> counts = new TreeMap<>();
    byNode.values().forEach(ts -> ts.forEach(t -> counts.merge(t / 1000, 1L, Long::sum)));
    return counts;
  }

  /**
   * The most writes any one node made inside any window of {@code windowMillis} (a window starts at
   * a write and excludes the instant {@code windowMillis} later).
   */
  long maxPerNodeInWindow(long windowMillis) {
    long max = 0;
    for (List<Long> times : byNode.values()) {
      List<Long> sorted = times.stream().sorted().toList();
      int end = 0;
      for (int start = 0; start < sorted.size(); start++) {
        while (end < sorted.size() && sorted.get(end) - sorted.get(start) < windowMillis) {
          end++;
        }
        max = Math.max(max, end - start);
      }
    }
    return max;
  }
}
