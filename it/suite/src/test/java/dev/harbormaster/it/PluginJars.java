package dev.harbormaster.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds every plugin jar the reactor built: the jars in the build directory of each module under
 * {@code plugins/} and of {@code it/fixture-plugin} that carry a PF4J extension index or a {@code
 * Plugin-Id} (a module that is not a plugin, such as a node agent, has neither).
 */
final class PluginJars {
  private PluginJars() {}

  static List<Path> builtInReactor() {
    Path root = Distribution.repositoryRoot();
    List<Path> jars = new ArrayList<>();
    for (Path base : List.of(root.resolve("plugins"), root.resolve("it/fixture-plugin"))) {
      try (Stream<Path> walk = Files.walk(base, 4)) {
        walk.filter(Files::isDirectory)
            .filter(d -> d.getFileName().toString().equals(Distribution.buildDir()))
            .flatMap(d -> Distribution.jarsIn(d).stream())
            .filter(PluginJars::isPrimaryJar)
            .filter(PluginJars::looksLikePlugin)
            .forEach(jars::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return jars;
  }

  private static boolean isPrimaryJar(Path jar) {
    String name = jar.getFileName().toString();
    return !name.startsWith("original-")
        && !name.endsWith("-sources.jar")
        && !name.endsWith("-javadoc.jar")
        && !name.endsWith("-tests.jar");
  }

  private static boolean looksLikePlugin(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      boolean hasId =
          file.getManifest() != null
              && file.getManifest().getMainAttributes().getValue("Plugin-Id") != null;
      return hasId || file.getEntry("META-INF/extensions.idx") != null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + jar, e);
    }
  }
}
