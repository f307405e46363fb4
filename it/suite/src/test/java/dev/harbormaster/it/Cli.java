package dev.harbormaster.it;

import dev.harbormaster.testkit.process.Command;
import dev.harbormaster.testkit.process.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code bin/harbormaster} one-shot commands ({@code check}, {@code review}) in a directory.
 */
final class Cli {
  private Cli() {}

  /**
   * Copies the classpath resources {@code cli/<name>} into {@code dir} together with a {@code
   * plugins/} directory (the distribution's plugins and the fixture plugin).
   */
  static Path workspace(Path dir, String... resources) {
    Distribution.pluginsDirWithFixture(dir.resolve("plugins"));
    try {
      for (String name : resources) {
        Files.writeString(dir.resolve(name), Resources.text("cli/" + name));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** Runs {@code bin/harbormaster args...} with the test JDK as JAVA_HOME. */
  static CommandResult run(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("/bin/sh", Distribution.launcher().toString()));
    for (String arg : args) {
      command.add(arg.startsWith("@") ? dir.resolve(arg.substring(1)).toString() : arg);
    }
    return Command.of(command)
        .withEnvironment(Map.of("JAVA_HOME", System.getProperty("java.home")))
        .withTimeout(Duration.ofMinutes(1))
        .run();
  }
}
