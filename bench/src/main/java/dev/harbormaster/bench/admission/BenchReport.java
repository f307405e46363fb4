package dev.harbormaster.bench.admission;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown report: every wrk round of both targets, their medians and ratio against the targets
 * of issue #2 (peak at least 70% of the bare endpoint's; p99 under 5 ms at 1,000 requests/s), and
 * the constant-rate latencies.
 */
final class BenchReport {
  static final double PEAK_RATIO_TARGET = 0.70;
  static final long P99_TARGET_NANOS = 5_000_000;

  private BenchReport() {}

  static String markdown(
      BenchOptions options,
      List<WrkResult> barePlatform,
      List<WrkResult> bareVirtual,
      List<WrkResult> host,
      RateResult bareRate,
      RateResult hostRate,
      String environment) {
    StringBuilder out = new StringBuilder();
    out.append("# Admission benchmark: host /mutate vs bare endpoint\n\n")
        .append(environment)
        .append("\n## Peak (wrk, ")
        .append(options.threads())
        .append(" threads, ")
        .append(options.connections())
        .append(" connections, ")
        .append(options.duration().toSeconds())
        .append(" s per round, rounds alternate)\n\n")
        .append(
            "| target | round | requests/s | p50 | p99 | failed | server CPU/req | server+wrk"
                + " CPU/req |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < barePlatform.size(); i++) {
      row(out, "bare", i + 1, barePlatform.get(i));
      row(out, "bare-vt", i + 1, bareVirtual.get(i));
      row(out, "host", i + 1, host.get(i));
    }
    // The ceiling is the faster of the two bare endpoints (platform or virtual request threads).
    boolean virtualFaster =
        median(bareVirtual, WrkResult::requestsPerSecond)
            > median(barePlatform, WrkResult::requestsPerSecond);
    List<WrkResult> bare = virtualFaster ? bareVirtual : barePlatform;
    out.append("\nCeiling: ")
        .append(virtualFaster ? "bare-vt" : "bare")
        .append(" (the faster bare endpoint by median requests/s).\n");
    double bareRps = median(bare, WrkResult::requestsPerSecond);
    double hostRps = median(host, WrkResult::requestsPerSecond);
    double ratio = hostRps / bareRps;
    out.append("\nMedian of rounds: ceiling ")
        .append(fmt("%.0f", bareRps))
        .append(" req/s (p50 ")
        .append(ms((long) median(bare, WrkResult::p50Nanos)))
        .append(", p99 ")
        .append(ms((long) median(bare, WrkResult::p99Nanos)))
        .append("); host ")
        .append(fmt("%.0f", hostRps))
        .append(" req/s (p50 ")
        .append(ms((long) median(host, WrkResult::p50Nanos)))
        .append(", p99 ")
        .append(ms((long) median(host, WrkResult::p99Nanos)))
        .append(").\n\n**Host/bare throughput: ")
        .append(fmt("%.2f", ratio))
        .append("** (target >= ")
        .append(fmt("%.2f", PEAK_RATIO_TARGET))
        .append(": ")
        .append(ratio >= PEAK_RATIO_TARGET ? "met" : "NOT met")
        .append(")\n\n")
        .append(
            cpuSummary(
                median(bareVirtual, WrkResult::cpuMicrosPerRequest)
                        < median(barePlatform, WrkResult::cpuMicrosPerRequest)
                    ? bareVirtual
                    : barePlatform,
                host))
        .append("\n## Fixed rate (open loop, ")
        .append(options.rate())
        .append(" req/s for ")
        .append(options.rateSeconds())
        .append(" s after 5 s warm-up, 32 connections; latency from each request's due time)\n\n")
        .append("| target | achieved req/s | p50 | p90 | p99 | p99.9 | max | failed |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    rateRow(out, "bare", bareRate);
    rateRow(out, "host", hostRate);
    out.append("\n**Host p99 at ")
        .append(options.rate())
        .append(" req/s: ")
        .append(ms(hostRate.p99()))
        .append("** (target < ")
        .append(ms(P99_TARGET_NANOS))
        .append(": ")
        .append(hostRate.p99() < P99_TARGET_NANOS ? "met" : "NOT met")
        .append(")\n");
    return out.toString();
  }

  private static void row(StringBuilder out, String target, int round, WrkResult r) {
    out.append("| ")
        .append(target)
        .append(" | ")
        .append(round)
        .append(" | ")
        .append(fmt("%.0f", r.requestsPerSecond()))
        .append(" | ")
        .append(ms(r.p50Nanos()))
        .append(" | ")
        .append(ms(r.p99Nanos()))
        .append(" | ")
        .append(r.failed())
        .append(" | ")
        .append(fmt("%.1f us", r.serverCpuMicrosPerRequest()))
        .append(" | ")
        .append(fmt("%.1f us", r.cpuMicrosPerRequest()))
        .append(" |\n");
  }

  /**
   * The CPU view of the same rounds: server and wrk share the cores, so on an otherwise idle
   * machine peak requests/s is cores / (CPU per request); the ratio of the costs is therefore the
   * throughput ratio the machine would show without other load, and it hardly moves when other
   * processes take CPU away mid-round (requests/s does).
   */
  static String cpuSummary(List<WrkResult> bare, List<WrkResult> host) {
    // bare: the bare endpoint with the lower cost (the ceiling by CPU).
    double bareCpu = median(bare, WrkResult::cpuMicrosPerRequest);
    double hostCpu = median(host, WrkResult::cpuMicrosPerRequest);
    double ratio = bareCpu / hostCpu;
    return "CPU per request (server JVM + wrk, median of rounds): bare "
        + fmt("%.1f us", bareCpu)
        + " (server "
        + fmt("%.1f us", median(bare, WrkResult::serverCpuMicrosPerRequest))
        + "), host "
        + fmt("%.1f us", hostCpu)
        + " (server "
        + fmt("%.1f us", median(host, WrkResult::serverCpuMicrosPerRequest))
        + ").\n\n**Host/bare throughput from CPU cost (bare cost / host cost): "
        + fmt("%.2f", ratio)
        + "** (target >= "
        + fmt("%.2f", PEAK_RATIO_TARGET)
        + ": "
        + (ratio >= PEAK_RATIO_TARGET ? "met" : "NOT met")
        + "; the peak both would reach on an idle machine, where CPU bounds them)\n";
  }

  /**
   * The wrk rounds of {@code targets} as a Markdown table, round by round in {@code targets}' order
   * (requests/s, p50, p99, failed).
   */
  static void roundsTable(
      StringBuilder out, Map<String, List<WrkResult>> results, List<String> targets) {
    out.append("| target | round | requests/s | p50 | p99 | failed |\n")
        .append("|---|---|---:|---:|---:|---:|\n");
    int rounds = results.get(targets.get(0)).size();
    for (int round = 0; round < rounds; round++) {
      for (String target : targets) {
        WrkResult r = results.get(target).get(round);
        out.append(
            fmt(
                "| %s | %d | %.0f | %s | %s | %d |%n",
                target,
                round + 1,
                r.requestsPerSecond(),
                ms(r.p50Nanos()),
                ms(r.p99Nanos()),
                r.failed()));
      }
    }
  }

  private static void rateRow(StringBuilder out, String target, RateResult r) {
    out.append("| ")
        .append(target)
        .append(" | ")
        .append(fmt("%.0f", r.achievedRate()))
        .append(" | ")
        .append(ms(r.p50()))
        .append(" | ")
        .append(ms(r.p90()))
        .append(" | ")
        .append(ms(r.p99()))
        .append(" | ")
        .append(ms(r.p999()))
        .append(" | ")
        .append(ms(r.max()))
        .append(" | ")
        .append(r.failed())
        .append(" |\n");
  }

  static double median(List<WrkResult> results, ToDoubleFunction<WrkResult> metric) {
    List<Double> values =
        results.stream().map(metric::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  static String ms(long nanos) {
    return fmt("%.2f ms", nanos / 1e6);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
