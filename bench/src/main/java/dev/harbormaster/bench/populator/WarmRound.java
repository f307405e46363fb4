package dev.harbormaster.bench.populator;

import java.time.Duration;

/**
 * One round of {@link PopulatorWarmBenchmark}: both tools against their own cold proxy.
 *
 * @param round 1-based round number
 * @param skopeo {@code skopeo copy --all} until every blob is in the proxy's storage
 * @param ours from POSTing the review until every blob is in the proxy's storage
 * @param admission time until the admission answer (allowed) came back
 */
record WarmRound(int round, Duration skopeo, Duration ours, Duration admission) {

  /** {@code ours / skopeo}: below 1 means the populator warmed faster. */
  double ratio() {
    return seconds(ours) / seconds(skopeo);
  }

  /** A markdown table row. */
  String row() {
    return String.format(
        "| %5d | %10.2f | %10.2f | %6.2f | %12d |",
        round, seconds(skopeo), seconds(ours), ratio(), admission.toMillis());
  }

  static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
