package dev.harbormaster.bench.mirrorsync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real distribution's launcher, {@code bin/harbormaster}, as a user would: {@code mirror
 * sync --config FILE --once} over a host config naming the distribution's {@code plugins/}, with
 * the JDK of this JVM as {@code JAVA_HOME} and the AppCDS archives in the benchmark's directory.
 */
final class DistributionCommand {
  private final Path home;
  private final Path work;

  DistributionCommand(Path home, Path work) {
    if (!Files.isExecutable(home.resolve("bin/harbormaster"))) {
      throw new IllegalArgumentException(
          "no distribution at " + home + " (bin/harbormaster missing): build -pl dist package");
    }
    this.home = home.toAbsolutePath();
    this.work = work;
  }

  /** Writes the host config with one mirror-sync instance whose config block is {@code yaml}. */
  Path hostConfig(String instanceYaml) {
    String config =
        """
        server: {plainHttp: true}
        plugins: {dir: "%s"}
        instances:
          - name: mirror
            plugin: mirror-sync
            scope: validating
            config:
        %s
        """
            .formatted(
                home.resolve("plugins"),
                instanceYaml.replaceFirst("^---\\s*\n", "").indent(6).stripTrailing());
    try {
      Path file = work.resolve("harbormaster.yaml");
      Files.writeString(file, config);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code bin/harbormaster args...}; throws with the output when it exits non-zero. */
  void run(List<String> args) {
    List<String> command = new ArrayList<>(List.of("/bin/sh", home + "/bin/harbormaster"));
    command.addAll(args);
    Path log = work.resolve("harbormaster-last.log");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment()
          .putAll(
              Map.of(
                  "JAVA_HOME",
                  System.getProperty("java.home"),
                  "HARBORMASTER_CDS_DIR",
                  work.resolve("cds").toString()));
      Process p = pb.start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited " + p.exitValue() + ":\n" + Files.readString(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JVM with the launcher's one-shot flags running {@link EmptyMain} (the start-up floor). */
  static void emptyJvm(List<String> flags) {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(flags);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), EmptyMain.class.getName()));
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
