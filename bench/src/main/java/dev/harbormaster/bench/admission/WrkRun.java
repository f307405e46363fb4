package dev.harbormaster.bench.admission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk} (Debian package {@code wrk}) against one URL: POSTs the review body with {@code
 * Content-Type: application/json} over as many keep-alive connections as configured, and returns
 * its parsed report. wrk speaks TLS without verifying the certificate.
 *
 * @param threads wrk threads ({@code -t})
 * @param connections open connections ({@code -c})
 * @param script the Lua script that sets method, header and body
 */
record WrkRun(int threads, int connections, Path script) {

  /** Writes the Lua script that posts {@code body} into {@code dir} (one script per body). */
  static WrkRun posting(Path body, Path dir, int threads, int connections) {
    String lua =
        """
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        local file = assert(io.open("%s", "rb"))
        wrk.body = file:read("*a")
        file:close()
        """
            .formatted(body.toAbsolutePath());
    Path script = dir.resolve("post-" + body.getFileName() + ".lua");
    try {
      Files.writeString(script, lua);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WrkRun(threads, connections, script);
  }

  private static final Pattern TIMES =
      Pattern.compile("^(\\d+)m([0-9.]+)s (\\d+)m([0-9.]+)s\\s*$", Pattern.MULTILINE);

  /** User + system time of sh's children from the second line of {@code times}. */
  static long childCpuNanos(String report) {
    Matcher m = TIMES.matcher(report);
    long last = -1;
    while (m.find()) {
      last =
          Math.round(
              (Long.parseLong(m.group(1)) * 60
                      + Double.parseDouble(m.group(2))
                      + Long.parseLong(m.group(3)) * 60
                      + Double.parseDouble(m.group(4)))
                  * 1e9);
    }
    if (last < 0) {
      throw new IllegalArgumentException("no `times` output after wrk's report:\n" + report);
    }
    return last;
  }

  /** Runs wrk for {@code duration} against {@code url}. */
  WrkResult run(URI url, Duration duration) {
    // sh's `times` prints the CPU time of its children (wrk) after wrk's own report.
    List<String> command =
        List.of(
            "sh",
            "-c",
            "wrk \"$@\"; rc=$?; echo; times; exit $rc",
            "sh",
            "-t" + threads,
            "-c" + connections,
            "-d" + duration.toSeconds() + "s",
            "--latency",
            "-s",
            script.toString(),
            url.toString());
    try {
      long serverBefore = ServerCpu.nanos();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("wrk exited with " + process.exitValue() + ":\n" + report);
      }
      long server = ServerCpu.nanos() - serverBefore;
      return WrkResult.parse(report).withCpu(server, childCpuNanos(report));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot run wrk (install the Debian package wrk): " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running wrk", e);
    }
  }
}
