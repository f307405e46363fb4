package dev.harbormaster.bench.admission;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code wrk --latency} run measured, parsed from its report.
 *
 * @param requestsPerSecond the {@code Requests/sec} line
 * @param p50Nanos median latency
 * @param p99Nanos 99th percentile latency
 * @param requests requests completed
 * @param failed non-2xx/3xx responses plus socket errors (connect, read, write, timeout)
 * @see <a href="https://github.com/wg/wrk">wrk</a>
 */
record WrkResult(
    double requestsPerSecond,
    long p50Nanos,
    long p99Nanos,
    long requests,
    long failed,
    long serverCpuNanos,
    long clientCpuNanos) {
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  /**
   * Parses wrk's report.
   *
   * @throws IllegalArgumentException naming what is missing, with the report
   */
  static WrkResult parse(String report) {
    long failed = find(NON_2XX, report).map(m -> Long.parseLong(m.group(1))).orElse(0L);
    Optional<Matcher> socket = find(SOCKET_ERRORS, report);
    if (socket.isPresent()) {
      for (int group = 1; group <= 4; group++) {
        failed += Long.parseLong(socket.get().group(group));
      }
    }
    return new WrkResult(
        Double.parseDouble(required(RPS, report, "Requests/sec").group(1)),
        latency(report, "50%"),
        latency(report, "99%"),
        Long.parseLong(required(REQUESTS, report, "request count").group(1)),
        failed,
        0,
        0);
  }

  /** This result with the CPU time the server JVM and wrk spent during the run. */
  WrkResult withCpu(long serverNanos, long clientNanos) {
    return new WrkResult(
        requestsPerSecond, p50Nanos, p99Nanos, requests, failed, serverNanos, clientNanos);
  }

  /**
   * CPU time per request of server and client together: what bounds peak throughput when both share
   * the machine's cores, and unlike requests/s barely moved by other load on the machine.
   */
  double cpuMicrosPerRequest() {
    return requests == 0 ? Double.NaN : (serverCpuNanos + clientCpuNanos) / 1e3 / requests;
  }

  /** Server CPU time per request. */
  double serverCpuMicrosPerRequest() {
    return requests == 0 ? Double.NaN : serverCpuNanos / 1e3 / requests;
  }

  private static long latency(String report, String percentile) {
    Matcher m =
        required(
            Pattern.compile(
                "^\\s+" + percentile + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE),
            report,
            percentile + " latency (run wrk with --latency)");
    double value = Double.parseDouble(m.group(1));
    double nanos =
        switch (m.group(2)) {
          case "us" -> value * 1e3;
          case "ms" -> value * 1e6;
          default -> value * 1e9;
        };
    return Math.round(nanos);
  }

  private static Matcher required(Pattern pattern, String report, String what) {
    return find(pattern, report)
        .orElseThrow(
            () -> new IllegalArgumentException("wrk report has no " + what + ":\n" + report));
  }

  private static Optional<Matcher> find(Pattern pattern, String report) {
    Matcher m = pattern.matcher(report);
    return m.find() ? Optional.of(m) : Optional.empty();
  }
}
