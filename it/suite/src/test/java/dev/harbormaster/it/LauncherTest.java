package dev.harbormaster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.testkit.process.Command;
import dev.harbormaster.testkit.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/harbormaster} and the layout around it. The launcher runs with a controlled PATH (a
 * directory holding only the tools it uses, and optionally a fake {@code java} reporting an old
 * version), so the result does not depend on what this machine has installed. {@code
 * JAVA_OPTS=-XshowSettings:properties -version} makes the chosen JVM report itself and exit before
 * the host's main class is loaded.
 */
class LauncherTest {
  private static final String REPORT = "-XshowSettings:properties -version";
  private static final Path TEST_JAVA_HOME = Path.of(System.getProperty("java.home"));

  @TempDir Path temp;

  @Test
  void distributionHasLauncherHostLibsPluginsAndExampleConfig() throws IOException {
    Path home = Distribution.home();

    assertThat(Files.isExecutable(home.resolve("bin/harbormaster"))).isTrue();
    assertThat(Files.readString(home.resolve("bin/harbormaster"))).startsWith("#!/bin/sh\n");
    assertThat(Distribution.jarsIn(home.resolve("lib")))
        .extracting(jar -> jar.getFileName().toString())
        .anyMatch(name -> name.startsWith("harbormaster-host-"))
        .anyMatch(name -> name.startsWith("harbormaster-spi-"))
        .noneMatch(name -> name.startsWith("harbormaster-plugin-"));
    assertThat(Distribution.shippedPlugins())
        .extracting(jar -> jar.getFileName().toString())
        .anyMatch(name -> name.startsWith("harbormaster-plugin-example-deny-latest-"));
    assertThat(home.resolve("config/example.yaml")).isRegularFile();
  }

  @Test
  void usesJavaHome_whenItIsJava21OrNewer() throws IOException {
    CommandResult result = launch(Map.of("JAVA_HOME", TEST_JAVA_HOME.toString()), oldJavaOnPath());

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).contains("java.home = " + TEST_JAVA_HOME);
  }

  @Test
  void searchesTheInstallLocations_whenPathHasOnlyAnOlderJava() throws IOException {
    Map<String, String> env =
        Map.of("HARBORMASTER_JAVA_DIRS", "/nonexistent/jvm/* " + TEST_JAVA_HOME.getParent() + "/*");

    CommandResult result = launch(env, oldJavaOnPath());

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr())
        .containsPattern("java\\.specification\\.version = (2[1-9]|[3-9][0-9])");
  }

  @Test
  void saysWhatItLookedAt_whenNoJava21IsFound() throws IOException {
    Path path = oldJavaOnPath();
    Map<String, String> env =
        Map.of("JAVA_HOME", "/nonexistent/jdk", "HARBORMASTER_JAVA_DIRS", "/nonexistent/jvm/*");

    CommandResult result = launch(env, path);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("harbormaster: no Java 21 or newer found. Looked at:")
        .contains("/nonexistent/jdk/bin/java (JAVA_HOME: no java there)")
        .contains(path.resolve("java") + " (Java 17)")
        .contains("/nonexistent/jvm/* (no JDK directories)")
        .contains("point JAVA_HOME at one");
  }

  private CommandResult launch(Map<String, String> env, Path path) {
    Map<String, String> all = new HashMap<>(env);
    all.put("PATH", path.toString());
    all.put("JAVA_OPTS", REPORT);
    all.putIfAbsent("JAVA_HOME", "");
    return Command.of("/bin/sh", Distribution.launcher().toString(), "serve")
        .withEnvironment(all)
        .run();
  }

  /** A PATH holding the tools the launcher uses and a {@code java} that reports Java 17. */
  private Path oldJavaOnPath() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    for (String tool : List.of("sh", "sed", "ls", "dirname", "head", "cut", "cat", "env")) {
      Path real = Path.of("/usr/bin", tool);
      Files.createSymbolicLink(
          bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
    }
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        """
        #!/bin/sh
        echo 'Property settings:' >&2
        echo '    java.specification.version = 17' >&2
        echo 'openjdk version "17.0.13"' >&2
        """);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }
}
