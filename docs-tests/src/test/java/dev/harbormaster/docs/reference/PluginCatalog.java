package dev.harbormaster.docs.reference;

import dev.harbormaster.spi.AdmissionPlugin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Harbormaster plugin on the test classpath, found the way PF4J finds them: the extension
 * classes listed in each jar's {@code META-INF/extensions.idx}, the plugin id from the same jar's
 * {@code Plugin-Id} manifest entry (or its module's {@code plugin.id} when a reactor build puts the
 * module's classes folder on the classpath instead of the jar).
 */
final class PluginCatalog {
  private static final String INDEX = "META-INF/extensions.idx";
  private static final Pattern POM_PLUGIN_ID = Pattern.compile("<plugin.id>([^<$]+)</plugin.id>");

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

  /**
   * The {@code Plugin-Id} from the jar's manifest; when the classes come from a module's build
   * folder (a reactor build that has not packaged yet), the {@code plugin.id} of its pom.
   */
  private static String pluginId(Class<?> type) throws IOException {
    Path location;
    try {
      location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Optional<String> id;
    if (Files.isDirectory(location)) {
      Path pom = location.getParent().getParent().resolve("pom.xml");
      Matcher m = POM_PLUGIN_ID.matcher(Files.readString(pom));
      id = m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        id = Optional.ofNullable(jar.getManifest().getMainAttributes().getValue("Plugin-Id"));
      }
    }
    return id.filter(v -> !v.isBlank())
        .orElseThrow(() -> new IllegalStateException(location + " names no Plugin-Id"));
  }
}
