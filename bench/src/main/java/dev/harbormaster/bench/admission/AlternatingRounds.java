package dev.harbormaster.bench.admission;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Measures several {@link Target}s with wrk: a warm-up of each, then rounds in which every target
 * runs once, in the same order, so that load from elsewhere on the machine hits all of them alike.
 */
final class AlternatingRounds {
  private AlternatingRounds() {}

  /**
   * Warms up and measures {@code targets}.
   *
   * @return each target's name with its result per round, in the order of {@code targets}
   */
  static Map<String, List<WrkResult>> run(List<Target> targets, BenchOptions options, Path work) {
    Map<Path, WrkRun> wrkByBody = new HashMap<>();
    for (Target target : targets) {
      wrkByBody.computeIfAbsent(
          target.body(),
          body -> WrkRun.posting(body, work, options.threads(), options.connections()));
    }
    log(
        "warming up "
            + targets.stream().map(Target::name).collect(Collectors.joining(", "))
            + " with wrk for "
            + options.warmup().toSeconds()
            + " s each");
    for (Target target : targets) {
      wrkByBody.get(target.body()).run(target.url(), options.warmup());
    }
    Map<String, List<WrkResult>> results = new LinkedHashMap<>();
    targets.forEach(target -> results.put(target.name(), new ArrayList<>()));
    for (int round = 1; round <= options.rounds(); round++) {
      StringBuilder line = new StringBuilder("round " + round + ":");
      for (Target target : targets) {
        WrkResult result = wrkByBody.get(target.body()).run(target.url(), options.duration());
        results.get(target.name()).add(result);
        line.append(' ').append(target.name()).append(' ').append(result).append(';');
      }
      log(line.toString());
    }
    return results;
  }

  private static void log(String message) {
    System.err.println("[admission-bench] " + message);
  }
}
