package dev.harbormaster.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A long-running peer process (docker-registry, nginx, containerd) whose stdout and stderr go to
 * log files under a work directory, and which is stopped by PID on {@link #close()} and by a JVM
 * shutdown hook.
 *
 * <pre>{@code
 * try (PeerProcess registry =
 *     PeerProcess.start("registry", workDir, List.of(binary.toString(), "serve", config.toString()))) {
 *   registry.awaitReady(ReadinessCheck.httpGet(URI.create("http://127.0.0.1:" + port + "/v2/")),
 *       Duration.ofSeconds(20));
 *   ...
 * }
 * }</pre>
 */
public final class PeerProcess implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(3);

  private final String name;
  private final Process process;
  private final Path stdoutLog;
  private final Path stderrLog;

  private PeerProcess(String name, Process process, Path stdoutLog, Path stderrLog) {
    this.name = name;
    this.process = process;
    this.stdoutLog = stdoutLog;
    this.stderrLog = stderrLog;
  }

  /** Starts {@code command} in {@code workDir} with the inherited environment. */
  public static PeerProcess start(String name, Path workDir, List<String> command) {
    return start(name, workDir, command, Map.of());
  }

  /**
   * Starts {@code command} with its working directory set to {@code workDir}. Output goes to {@code
   * <workDir>/<name>.stdout.log} and {@code <workDir>/<name>.stderr.log}.
   *
   * @param name short peer name used in file names and error messages, e.g. {@code "registry"}
   * @param workDir existing directory for the logs
   * @param command command line
   * @param environment extra environment variables
   */
  public static PeerProcess start(
      String name, Path workDir, List<String> command, Map<String, String> environment) {
    Path out = workDir.resolve(name + ".stdout.log");
    Path err = workDir.resolve(name + ".stderr.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
            .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      ProcessReaper.register(process);
      return new PeerProcess(name, process, out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start peer '" + name + "': " + String.join(" ", command), e);
    }
  }

  /**
   * Polls {@code check} every 50 ms until it succeeds.
   *
   * @return this, for chaining
   * @throws PeerStartException when the process exits first or {@code timeout} passes; the message
   *     includes the last log lines
   */
  public PeerProcess awaitReady(ReadinessCheck check, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw failure("exited with code " + process.exitValue() + " before " + check.description());
      }
      try {
        if (check.ready()) {
          return this;
        }
      } catch (Exception notYet) {
        // not ready yet; retried until the deadline
      }
      if (System.nanoTime() > deadline) {
        throw failure(
            "not ready after " + timeout + ": " + check.description() + " never succeeded");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("interrupted while waiting for " + check.description());
      }
    }
  }

  /** True when the peer's logs say its port was taken ("address already in use"). */
  public boolean lostPortRace() {
    return logTail(20).toLowerCase(java.util.Locale.ROOT).contains("address already in use");
  }

  private PeerStartException failure(String what) {
    return new PeerStartException(
        "peer '" + name + "' (pid " + pid() + ") " + what + "\n" + logTail(40));
  }

  /** Process id. */
  public long pid() {
    return process.pid();
  }

  /** The peer name given at start. */
  public String name() {
    return name;
  }

  /** True while the process runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** File receiving the process's standard output. */
  public Path stdoutLog() {
    return stdoutLog;
  }

  /** File receiving the process's standard error. */
  public Path stderrLog() {
    return stderrLog;
  }

  /** The last {@code lines} lines of stdout and of stderr, labelled, for error messages. */
  public String logTail(int lines) {
    return "--- tail of "
        + stdoutLog
        + " ---\n"
        + tail(stdoutLog, lines)
        + "--- tail of "
        + stderrLog
        + " ---\n"
        + tail(stderrLog, lines);
  }

  private static String tail(Path file, int lines) {
    try {
      if (!Files.exists(file)) {
        return "(no file)\n";
      }
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      StringBuilder out = new StringBuilder();
      all.subList(Math.max(0, all.size() - lines), all.size())
          .forEach(line -> out.append(line).append('\n'));
      return out.toString();
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read: " + e + ")\n";
    }
  }

  /** Stops the process: SIGTERM, up to 3 s grace, then SIGKILL; children are killed too. */
  @Override
  public void close() {
    ProcessReaper.stop(process, STOP_GRACE);
  }
}
