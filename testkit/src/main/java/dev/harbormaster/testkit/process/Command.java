package dev.harbormaster.testkit.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A short-lived command (htpasswd, skopeo, ctr, ...) run to completion with a timeout, capturing
 * stdout as bytes and stderr as text. For long-running peers use {@link PeerProcess}.
 *
 * <pre>{@code
 * CommandResult r = Command.of("htpasswd", "-Bbn", "alice", "secret").run().orThrow();
 * }</pre>
 *
 * @param args the command line; {@code args.get(0)} is the executable
 * @param environment extra environment variables
 * @param timeout the command is killed and an error thrown when it runs longer
 */
public record Command(List<String> args, Map<String, String> environment, Duration timeout) {

  /** Validates and copies the arguments. */
  public Command {
    args = List.copyOf(args);
    environment = Map.copyOf(environment);
    if (args.isEmpty()) {
      throw new IllegalArgumentException("command line must not be empty");
    }
  }

  /** A command with no extra environment and a 2 minute timeout. */
  public static Command of(String... args) {
    return of(List.of(args));
  }

  /** A command with no extra environment and a 2 minute timeout. */
  public static Command of(List<String> args) {
    return new Command(args, Map.of(), Duration.ofMinutes(2));
  }

  /** The same command with another timeout. */
  public Command withTimeout(Duration newTimeout) {
    return new Command(args, environment, newTimeout);
  }

  /** The same command with extra environment variables. */
  public Command withEnvironment(Map<String, String> extra) {
    return new Command(args, extra, timeout);
  }

  /**
   * Runs the command and waits for it. A non-zero exit is returned, not thrown: call {@link
   * CommandResult#orThrow()} when failure is unexpected.
   *
   * @throws IllegalStateException when the command exceeds its timeout (it is killed)
   */
  public CommandResult run() {
    ProcessBuilder builder =
        new ProcessBuilder(args).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", args), e);
    }
    CompletableFuture<byte[]> out = readAsync(process.getInputStream());
    CompletableFuture<byte[]> err = readAsync(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "command timed out after " + timeout + ": " + String.join(" ", args));
      }
      return new CommandResult(
          args, process.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", args), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read output of " + String.join(" ", args), e);
    }
  }

  private static CompletableFuture<byte[]> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        runnable -> Thread.ofVirtual().start(runnable));
  }
}
