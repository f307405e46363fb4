package dev.harbormaster.bench.admission;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one {@link ConstantRateLoad} run measured (latencies in nanoseconds).
 *
 * @param rate the requested rate
 * @param achievedRate the rate requests were actually sent at
 * @param measured requests measured (after the warm-up)
 * @param failed requests that failed or got a non-200 answer
 */
record RateResult(
    int rate,
    double achievedRate,
    long measured,
    long failed,
    long p50,
    long p90,
    long p99,
    long p999,
    long max) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Parses the generator's {@code RESULT {...}} line out of its output. */
  static RateResult parse(String output) {
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("RESULT "))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("load generator printed no RESULT:\n" + output));
    JsonNode n = JSON.readTree(line.substring("RESULT ".length()));
    return new RateResult(
        n.required("rate").asInt(),
        n.required("achievedRate").asDouble(),
        n.required("measured").asLong(),
        n.required("failed").asLong(),
        n.required("p50").asLong(),
        n.required("p90").asLong(),
        n.required("p99").asLong(),
        n.required("p999").asLong(),
        n.required("max").asLong());
  }
}
