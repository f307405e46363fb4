package dev.harbormaster.bench.admission;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Markdown section of the harbor-proxy-populator rounds (issue 5, Benchmark: "admission
 * overhead of the populator, reviews/s and p99 with and without it, same run"): every wrk round of
 * both {@code /validate} targets, their medians with the with/without ratios, the constant-rate
 * latencies when measured, and the manifest {@code GET}s measuring caused.
 */
final class PopulatorReport {
  static final List<String> TARGETS =
      List.of(PopulatorVariants.BASELINE, PopulatorVariants.POPULATOR);

  private PopulatorReport() {}

  /**
   * Constant-rate results of both targets.
   *
   * @param without the deny-latest host
   * @param with the same plus the populator
   */
  record Rates(RateResult without, RateResult with) {}

  /**
   * The section.
   *
   * @param results at least the {@link #TARGETS}, each with one result per round
   * @param bodyBytes size of the review
   * @param harborHost the stand-in Harbor's {@code host:port}
   * @param getsWhileMeasuring manifest GETs the stand-in Harbor saw while measuring
   * @param rates the constant-rate runs, when made
   */
  static String markdown(
      Map<String, List<WrkResult>> results,
      long bodyBytes,
      String harborHost,
      long getsWhileMeasuring,
      Optional<Rates> rates) {
    StringBuilder out = new StringBuilder();
    out.append(
            "\n## Harbor proxy populator (issue 5): /validate on the Deployment CREATE review\n\n")
        .append("- review: the Deployment CREATE review above, ")
        .append(bodyBytes)
        .append(" bytes, 4 images, all with explicit tags\n")
        .append("- validate-deny-latest: a host with the deny-latest example instance only")
        .append(" (validating; allows)\n")
        .append(
            "- validate-populator: the same plus a harbor-proxy-populator instance (`mode: full`,")
        .append(" `dedupTtl: 1h`) whose Harbor is a real docker-registry on loopback (")
        .append(harborHost)
        .append(", plain HTTP, the 4 images pushed with skopeo under the mapped paths); before")
        .append(" measuring, the first review made it GET each manifest once (200) and the second")
        .append(" none: measured is the deduplicated steady state\n\n");
    BenchReport.roundsTable(out, results, TARGETS);
    RewriterReport.Medians without = RewriterReport.Medians.of(results.get(TARGETS.get(0)));
    RewriterReport.Medians with = RewriterReport.Medians.of(results.get(TARGETS.get(1)));
    out.append("\nMedians of rounds:\n\n")
        .append("| target | requests/s | p50 | p99 |\n")
        .append("|---|---:|---:|---:|\n");
    for (String target : TARGETS) {
      RewriterReport.Medians m = RewriterReport.Medians.of(results.get(target));
      out.append(
          fmt(
              "| %s | %.0f | %s | %s |%n",
              target, m.rps(), BenchReport.ms((long) m.p50()), BenchReport.ms((long) m.p99())));
    }
    out.append(
        fmt(
            "%n**With/without populator: requests/s %.2f (paired per round %.2f), p50 %.2f,"
                + " p99 %.2f.**%n",
            with.rps() / without.rps(),
            RewriterReport.pairedRatio(results.get(TARGETS.get(1)), results.get(TARGETS.get(0))),
            with.p50() / without.p50(),
            with.p99() / without.p99()));
    rates.ifPresent(r -> appendRates(out, r));
    out.append(
        fmt(
            "%nManifest GETs on the stand-in Harbor while measuring: %d (%s)%n",
            getsWhileMeasuring,
            getsWhileMeasuring == 0
                ? "ok: every measured review was deduplicated"
                : "NOT deduplicated: measuring caused warms"));
    return out.toString();
  }

  private static void appendRates(StringBuilder out, Rates rates) {
    out.append(
            fmt(
                "%nConstant rate %d req/s (open loop, one JVM per run):%n%n",
                rates.without().rate()))
        .append("| target | achieved req/s | p50 | p99 | p99.9 | failed |\n")
        .append("|---|---:|---:|---:|---:|---:|\n");
    rateRow(out, TARGETS.get(0), rates.without());
    rateRow(out, TARGETS.get(1), rates.with());
    out.append(
        fmt(
            "%np99 with/without at a fixed rate: %.2f.%n",
            (double) rates.with().p99() / rates.without().p99()));
  }

  private static void rateRow(StringBuilder out, String target, RateResult r) {
    out.append(
        fmt(
            "| %s | %.0f | %s | %s | %s | %d |%n",
            target,
            r.achievedRate(),
            BenchReport.ms(r.p50()),
            BenchReport.ms(r.p99()),
            BenchReport.ms(r.p999()),
            r.failed()));
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
