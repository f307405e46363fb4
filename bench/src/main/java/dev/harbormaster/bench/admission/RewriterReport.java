package dev.harbormaster.bench.admission;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown section of the image-rewriter rounds (issue 4): every round of the four targets on
 * the Deployment CREATE review, then the median of each with its throughput and latency ratios to
 * the bare endpoint and to the it-stamp host (the host's own pipeline), and the existence-check
 * count.
 */
final class RewriterReport {
  static final String BARE = "bare-create";
  static final String STAMP = "stamp-create";
  static final List<String> TARGETS = List.of(BARE, STAMP, "rewrite", "rewrite-checked");

  private RewriterReport() {}

  /**
   * The section.
   *
   * @param results at least the {@link #TARGETS}, each with one result per round
   * @param bodyBytes size of the review
   */
  static String markdown(
      Map<String, List<WrkResult>> results,
      long bodyBytes,
      RewriterVariants.HeadCount heads,
      String mirrorHost) {
    StringBuilder out = new StringBuilder();
    out.append("\n## Image rewriter (issue 4): /mutate on a Deployment CREATE review\n\n")
        .append("- review: the same Deployment as above as a CREATE (no oldObject), ")
        .append(bodyBytes)
        .append(" bytes, 4 images (2 on Docker Hub, 2 on registry.example.com/shop); all four")
        .append(" targets get this review, in the same alternating rounds as above\n")
        .append("- bare-create: the bare endpoint answering the it-stamp host's bytes for it\n")
        .append("- stamp-create: the host above (it-stamp instance: one annotation added)\n")
        .append("- rewrite: a host with one image-rewriter instance (`rewriteTemplates: true`, two")
        .append(" rules, no existence check); its patch rewrites all 4 images (checked before and")
        .append(" after measuring)\n")
        .append("- rewrite-checked: the same with `checkAvailability: true` against a real")
        .append(" docker-registry mirror on loopback (")
        .append(mirrorHost)
        .append(", the 4 images pushed with skopeo), positiveTtl 60 s; cache warmed before")
        .append(" measuring (exactly one manifest HEAD per image, none on the second review)\n\n");
    BenchReport.roundsTable(out, results, TARGETS);
    Medians bare = Medians.of(results.get(BARE));
    Medians stamp = Medians.of(results.get(STAMP));
    out.append("\nMedians of rounds, and ratios (throughput: target / reference; latency: target /")
        .append(" reference):\n\n")
        .append("| target | requests/s | p50 | p99 | req/s ÷ bare | req/s ÷ stamp |")
        .append(" p50 ÷ stamp | p99 ÷ stamp | paired req/s ÷ bare | paired req/s ÷ stamp |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String target : TARGETS) {
      Medians m = Medians.of(results.get(target));
      out.append(
          fmt(
              "| %s | %.0f | %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
              target,
              m.rps(),
              BenchReport.ms((long) m.p50()),
              BenchReport.ms((long) m.p99()),
              m.rps() / bare.rps(),
              m.rps() / stamp.rps(),
              m.p50() / stamp.p50(),
              m.p99() / stamp.p99(),
              pairedRatio(results.get(target), results.get(BARE)),
              pairedRatio(results.get(target), results.get(STAMP))));
    }
    out.append(
            "\nPaired: the median over rounds of the ratio within each round (the targets of one")
        .append(" round ran back to back, so this cancels slow drifts of the machine's load).\n");
    out.append(
        fmt(
            "%nExistence checks while measuring: %d manifest HEADs in %d s after the cache was"
                + " filled; cache refreshes allow %d (4 images x full 60 s TTLs): %s%n",
            heads.heads(),
            heads.elapsed().toSeconds(),
            heads.allowed(),
            heads.withinRefreshes() ? "ok" : "MORE than refreshes explain"));
    return out.toString();
  }

  /** The median over rounds of {@code target / reference} requests/s within the same round. */
  static double pairedRatio(List<WrkResult> target, List<WrkResult> reference) {
    double[] ratios = new double[target.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = target.get(i).requestsPerSecond() / reference.get(i).requestsPerSecond();
    }
    Arrays.sort(ratios);
    int n = ratios.length;
    return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
  }

  /** Medians over the rounds of one target. */
  record Medians(double rps, double p50, double p99) {
    static Medians of(List<WrkResult> results) {
      return new Medians(
          BenchReport.median(results, WrkResult::requestsPerSecond),
          BenchReport.median(results, WrkResult::p50Nanos),
          BenchReport.median(results, WrkResult::p99Nanos));
    }
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
