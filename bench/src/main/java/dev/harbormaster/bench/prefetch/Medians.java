package dev.harbormaster.bench.prefetch;

import java.util.List;

/** The median of measured values. */
final class Medians {
  private Medians() {}

  /** The middle value, or the mean of the two middle values; fails on an empty list. */
  static double of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to take the median of");
    }
    List<Double> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }
}
