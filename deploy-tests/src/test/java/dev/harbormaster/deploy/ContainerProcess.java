package dev.harbormaster.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image's command line ({@link ImageCommand#local}) running as a local process: stdout read line
 * by line, stderr kept in a file for failure messages. {@link #close()} stops it as the kubelet
 * does: SIGTERM, then SIGKILL if it does not exit. The time limits here only bound a hung process;
 * nothing asserts on how long anything took.
 */
final class ContainerProcess implements AutoCloseable {
  private static final String END = "\u0000end";
  private final Process process;
  private final Path stderr;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ContainerProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("(stdout: " + e + ")");
              } finally {
                lines.add(END);
              }
            });
  }

  /** Starts {@code command} in {@code workdir} with exactly its environment (nothing inherited). */
  static ContainerProcess start(ImageCommand command, Path workdir) {
    try {
      Files.createDirectories(workdir);
      Path err = Files.createTempFile("container", ".stderr");
      ProcessBuilder pb =
          new ProcessBuilder(command.command())
              .directory(workdir.toFile())
              .redirectError(err.toFile());
      pb.environment().clear();
      pb.environment().putAll(command.environment());
      Process p = pb.start();
      p.getOutputStream().close();
      return new ContainerProcess(p, err);
    } catch (IOException e) {
      throw new UncheckedIOException("starting " + command.command(), e);
    }
  }

  /**
   * The first stdout line matching {@code pattern}.
   *
   * @throws AssertionError with stderr when the process ends or {@code limit} passes first
   */
  Matcher awaitLine(Pattern pattern, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.equals(END)) {
        throw new AssertionError(
            (line == null ? "no line matching " + pattern + " within " + limit : "process ended")
                + "; stderr:\n"
                + stderr());
      }
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m;
      }
    }
  }

  /**
   * Everything the process writes to stdout until it ends.
   *
   * @throws AssertionError with stderr when it has not ended within {@code limit}
   */
  String awaitStdout(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    StringBuilder out = new StringBuilder();
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("still running after " + limit + "; stderr:\n" + stderr());
      }
      if (line.equals(END)) {
        return out.toString();
      }
      out.append(line).append('\n');
    }
  }

  /** The exit code, once the process ends by itself within {@code limit}. */
  Optional<Integer> awaitExit(Duration limit) throws InterruptedException {
    return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)
        ? Optional.of(process.exitValue())
        : Optional.empty();
  }

  /** What the process wrote to stderr so far. */
  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(stderr unreadable: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try {
      Files.deleteIfExists(stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
