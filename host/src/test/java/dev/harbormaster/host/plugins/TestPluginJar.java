package dev.harbormaster.host.plugins;

import dev.harbormaster.host.plugins.testplugin.GreetingPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds real PF4J plugin jars for tests from the compiled classes of {@code
 * dev.harbormaster.host.plugins.testplugin}: the classes, {@code META-INF/extensions.idx} and a
 * manifest with {@code Plugin-Id}, {@code Plugin-Version} and {@code Plugin-Requires}. PF4J's class
 * loader is parent-last, so the plugin's classes load from the jar, as in production.
 */
public final class TestPluginJar {
  private TestPluginJar() {}

  /** A jar holding {@link GreetingPlugin} as its one extension. */
  public static Path greeting(Path dir, String fileName, String pluginId, String requires)
      throws IOException {
    return build(dir, fileName, pluginId, requires, List.of(GreetingPlugin.class.getName()));
  }

  /** A jar holding {@code DenyNamedPlugin} as its one extension. */
  public static Path denyNamed(Path dir, String fileName, String pluginId) throws IOException {
    return build(
        dir,
        fileName,
        pluginId,
        ">=1.0.0",
        List.of(dev.harbormaster.host.plugins.testplugin.DenyNamedPlugin.class.getName()));
  }

  /** A jar with the test plugin's classes and the given extension index. */
  public static Path build(
      Path dir, String fileName, String pluginId, String requires, List<String> extensions)
      throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Plugin-Id", pluginId);
    main.putValue("Plugin-Version", "1.2.3");
    main.putValue("Plugin-Requires", requires);
    main.putValue("Plugin-Provider", "harbormaster tests");
    Path jar = dir.resolve(fileName);
    Path classes = classesRoot();
    Path packageDir = classes.resolve(GreetingPlugin.class.getPackageName().replace('.', '/'));
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out, manifest);
        Stream<Path> files = Files.list(packageDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
      zip.putNextEntry(new JarEntry("META-INF/extensions.idx"));
      zip.write((String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return jar;
  }

  private static Path classesRoot() {
    try {
      return Path.of(
          GreetingPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
