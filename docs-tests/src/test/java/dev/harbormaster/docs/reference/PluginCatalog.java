package dev.harbormaster.docs.reference;

import dev.harbormaster.spi.AdmissionPlugin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Every Harbormaster plugin on the test classpath, found the way PF4J finds them: the extension
 * classes listed in each jar's {@code META-INF/extensions.idx}, the plugin id from the same jar's
 * {@code Plugin-Id} manifest entry.
 */
final class PluginCatalog {
  private static final String INDEX = "META-INF/extensions.idx";

  private PluginCatalog() {}

  /** One plugin: its id, its extension and the root record its {@code config:} block binds to. */
  record PluginEntry(String id, AdmissionPlugin<?> plugin, Class<?> configType) {}

  /** The plugins, sorted by id. */
  static List<PluginEntry> plugins() {
    List<PluginEntry> entries = new ArrayList<>();
    ClassLoader loader = PluginCatalog.class.getClassLoader();
    try {
      for (URL index : Collections.list(loader.getResources(INDEX))) {
        for (String className : classNames(index)) {
          Class<?> type = Class.forName(className, true, loader);
          if (AdmissionPlugin.class.isAssignableFrom(type)) {
            AdmissionPlugin<?> plugin =
                (AdmissionPlugin<?>) type.getDeclaredConstructor().newInstance();
            entries.add(new PluginEntry(pluginId(type), plugin, plugin.configType()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate a plugin extension: " + e, e);
    }
    entries.sort(Comparator.comparing(PluginEntry::id));
    return List.copyOf(entries);
  }

  private static List<String> classNames(URL index) throws IOException {
    try (InputStream in = index.openStream();
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    }
  }

  private static String pluginId(Class<?> type) throws IOException {
    URL location = type.getProtectionDomain().getCodeSource().getLocation();
    try (JarFile jar = new JarFile(location.getPath())) {
      String id = jar.getManifest().getMainAttributes().getValue("Plugin-Id");
      if (id == null || id.isBlank()) {
        throw new IllegalStateException(location + " has no Plugin-Id in its manifest");
      }
      return id;
    }
  }
}
