package dev.harbormaster.bench.admission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

  /** Runs wrk for {@code duration} against {@code url}. */
  WrkResult run(URI url, Duration duration) {
    List<String> command =
        List.of(
            "wrk",
            "-t" + threads,
            "-c" + connections,
            "-d" + duration.toSeconds() + "s",
            "--latency",
            "-s",
            script.toString(),
            url.toString());
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("wrk exited with " + process.exitValue() + ":\n" + report);
      }
      return WrkResult.parse(report);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot run wrk (install the Debian package wrk): " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running wrk", e);
    }
  }
}
