package dev.harbormaster.bench.admission;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of recorded latencies (nanoseconds), exact: the load generator keeps
 * every sample (20,000 at 1,000 requests/s for 20 s), so no histogram approximation is needed.
 */
record Percentiles(long count, long p50, long p90, long p99, long p999, long max) {

  /** Computes the percentiles of {@code samples[0..count)}; sorts that range in place. */
  static Percentiles of(long[] samples, int count) {
    if (count == 0) {
      throw new IllegalArgumentException("no samples");
    }
    Arrays.sort(samples, 0, count);
    return new Percentiles(
        count,
        rank(samples, count, 500),
        rank(samples, count, 900),
        rank(samples, count, 990),
        rank(samples, count, 999),
        samples[count - 1]);
  }

  /** The smallest sample with at least {@code perMille}/1000 of the samples at or below it. */
  private static long rank(long[] sorted, int count, long perMille) {
    long rank = (perMille * count + 999) / 1000; // ceil, in integers: no rounding surprises
    return sorted[(int) Math.max(0, Math.min(count - 1, rank - 1))];
  }
}
