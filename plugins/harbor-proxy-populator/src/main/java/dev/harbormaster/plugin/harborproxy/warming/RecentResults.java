package dev.harbormaster.plugin.harborproxy.warming;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last {@code max} results, newest first. Thread-safe. */
public final class RecentResults {
  private final int max;
  private final ArrayDeque<WarmResult> results = new ArrayDeque<>();

  /** Keeps at most {@code max} results. */
  public RecentResults(int max) {
    this.max = max;
  }

  /** Adds a result, forgetting the oldest beyond {@code max}. */
  public synchronized void add(WarmResult result) {
    if (max == 0) {
      return;
    }
    results.addFirst(result);
    while (results.size() > max) {
      results.removeLast();
    }
  }

  /** A copy, newest first. */
  public synchronized List<WarmResult> snapshot() {
    return new ArrayList<>(results);
  }
}
