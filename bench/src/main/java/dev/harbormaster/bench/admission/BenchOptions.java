package dev.harbormaster.bench.admission;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options of {@link AdmissionBenchmark}: {@code --name value} pairs.
 *
 * @param plugins directory holding the plugin jars (it-stamp and deny-latest)
 * @param report file the Markdown report is written to
 * @param warmup wrk warm-up per target
 * @param duration wrk measurement per target and round
 * @param rounds alternating rounds (each target once per round, always in the same order)
 * @param threads wrk threads
 * @param connections wrk connections
 * @param rate requests per second of the constant-rate run
 * @param rateSeconds measured seconds of the constant-rate run (after 5 s warm-up)
 * @param reviewLog whether the host writes its per-review log line ({@code false} only to measure
 *     what that line costs)
 * @param rewriter whether the image-rewriter rounds of issue 4 run too ({@link RewriterVariants})
 * @param populator whether the harbor-proxy-populator rounds of issue 5 run too ({@link
 *     PopulatorVariants})
 */
record BenchOptions(
    Path plugins,
    Path report,
    Duration warmup,
    Duration duration,
    int rounds,
    int threads,
    int connections,
    int rate,
    int rateSeconds,
    boolean reviewLog,
    boolean rewriter,
    boolean populator) {

  static BenchOptions parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "expected --name value pairs, got '"
                + args[i]
                + "'; options: --plugins DIR"
                + " --report FILE --warmup S --duration S --rounds N --threads N"
                + " --connections N --rate N --rate-seconds S --review-log true|false"
                + " --rewriter true|false --populator true|false");
      }
      values.put(args[i].substring(2), args[i + 1]);
    }
    if (!values.containsKey("plugins")) {
      throw new IllegalArgumentException("--plugins DIR is required");
    }
    return new BenchOptions(
        Path.of(values.get("plugins")),
        Path.of(values.getOrDefault("report", "admission-report.md")),
        Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup", "10"))),
        Duration.ofSeconds(Long.parseLong(values.getOrDefault("duration", "15"))),
        Integer.parseInt(values.getOrDefault("rounds", "2")),
        Integer.parseInt(values.getOrDefault("threads", "2")),
        Integer.parseInt(values.getOrDefault("connections", "16")),
        Integer.parseInt(values.getOrDefault("rate", "1000")),
        Integer.parseInt(values.getOrDefault("rate-seconds", "20")),
        Boolean.parseBoolean(values.getOrDefault("review-log", "true")),
        Boolean.parseBoolean(values.getOrDefault("rewriter", "true")),
        Boolean.parseBoolean(values.getOrDefault("populator", "true")));
  }
}
