package dev.harbormaster.bench.prefetch;

import java.time.Duration;

/**
 * Entry point of {@code bench/run-prefetch.sh}.
 *
 * <p>Arguments (all optional, in order): images (8), layers (4), layer MiB (4), rounds (3), nodes
 * (1000), seconds (30), reporter interval seconds (the agent's default, 10).
 */
public final class PrefetchBenchmark {
  private PrefetchBenchmark() {}

  /** Runs the pull comparison, then the status-write simulation; exits 1 if the rate was broken. */
  public static void main(String[] args) throws Exception {
    int images = arg(args, 0, "images", 8);
    int layers = arg(args, 1, "layers", 4);
    int layerMiB = arg(args, 2, "layerMiB", 4);
    int rounds = arg(args, 3, "rounds", 3);
    int nodes = arg(args, 4, "nodes", 1000);
    int seconds = arg(args, 5, "seconds", 30);
    int interval = arg(args, 6, "intervalSeconds", 10);
    new PullComparison(images, layers, layerMiB * 1024L * 1024L, rounds).run(System.out);
    boolean ok =
        new StatusWriteRate(
                nodes,
                Duration.ofSeconds(seconds),
                Duration.ofSeconds(interval),
                Duration.ofMillis(100))
            .run(System.out);
    System.exit(ok ? 0 : 1);
  }

  private static int arg(String[] args, int index, String name, int fallback) {
    if (args.length <= index) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(args[index]);
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, got " + args[index]);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got " + args[index], e);
    }
  }
}
