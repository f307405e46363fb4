package dev.harbormaster.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the reactor put what this suite tests: the exploded distribution, the fixture plugin and
 * the repository root. The locations come from the suite's pom (system properties), so the suite
 * follows {@code -Dhm.build.dir}.
 */
final class Distribution {
  private Distribution() {}

  /** The distribution directory ({@code dist/target/harbormaster}). */
  static Path home() {
    Path home = property("it.distribution");
    if (!Files.isExecutable(home.resolve("bin/harbormaster"))) {
      throw new IllegalStateException(
          "no distribution at "
              + home
              + " (bin/harbormaster missing): build it first with ./mvnw package (or -pl dist)");
    }
    return home;
  }

  /** {@code bin/harbormaster}. */
  static Path launcher() {
    return home().resolve("bin/harbormaster");
  }

  /** The plugin jars shipped in the distribution's {@code plugins/}. */
  static List<Path> shippedPlugins() {
    return jarsIn(home().resolve("plugins"));
  }

  /** The {@code it-stamp} fixture plugin jar, built by {@code it/fixture-plugin}. */
  static Path fixturePlugin() {
    Path jar = property("it.fixturePlugin");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no fixture plugin jar at " + jar + ": build it first (-pl it/fixture-plugin package)");
    }
    return jar;
  }

  /** The repository root (the directory of the parent pom). */
  static Path repositoryRoot() {
    return property("it.repository.root");
  }

  /** The build directory name of this build ({@code target} unless -Dhm.build.dir says else). */
  static String buildDir() {
    return System.getProperty("it.buildDir", "target");
  }

  /**
   * A plugins directory for a test host: the distribution's plugins plus the fixture plugin, copied
   * into {@code dir}.
   */
  static Path pluginsDirWithFixture(Path dir) {
    try {
      Files.createDirectories(dir);
      for (Path jar : shippedPlugins()) {
        Files.copy(jar, dir.resolve(jar.getFileName()));
      }
      Files.copy(fixturePlugin(), dir.resolve(fixturePlugin().getFileName()));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> jarsIn(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "system property " + name + " is not set: run the suite through Maven (it/suite)");
    }
    return Path.of(value).toAbsolutePath().normalize();
  }
}
