package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PluginCatalogTest {
  private static final Pattern PLUGIN_ID = Pattern.compile("<plugin.id>([^<]+)</plugin.id>");

  @Test
  void findsEveryPluginModuleOfTheRepository_withItsConfigRecord() throws IOException {
    List<String> moduleIds;
    Path pluginsDir = Repository.root().resolve("plugins");
    try (Stream<Path> poms = Files.walk(pluginsDir, 3)) {
      moduleIds =
          poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
              .filter(p -> !p.getParent().equals(pluginsDir))
              .map(PluginCatalogTest::pluginId)
              .flatMap(Stream::ofNullable)
              .sorted()
              .toList();
    }

    List<PluginCatalog.PluginEntry> plugins = PluginCatalog.plugins();

    assertThat(plugins)
        .extracting(PluginCatalog.PluginEntry::id)
        .containsExactlyElementsOf(moduleIds);
    assertThat(plugins).allSatisfy(p -> assertThat(p.configType().isRecord()).isTrue());
  }

  private static String pluginId(Path pom) {
    try {
      Matcher m = PLUGIN_ID.matcher(Files.readString(pom));
      return m.find() && !m.group(1).contains("$") ? m.group(1) : null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
