package dev.harbormaster.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.SpiVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarLoaderTest {
  @TempDir Path dir;

  @Test
  void loadsEachJarOnce_withItsOneExtension_fromThePluginClassLoader() throws Exception {
    TestPluginJar.greeting(dir, "greeting-1.2.3.jar", "greeting", ">=1.0.0 & <2.0.0");

    try (PluginCatalog catalog = PluginJarLoader.load(dir, Map.of())) {
      assertThat(catalog.ids()).containsExactly("greeting");
      AdmissionPlugin<?> plugin = catalog.find("greeting").orElseThrow();
      assertThat(plugin.getClass().getName())
          .isEqualTo("dev.harbormaster.host.plugins.testplugin.GreetingPlugin");
      assertThat(plugin.getClass().getClassLoader())
          .as("parent-last: the class comes from the jar, not the test classpath")
          .isNotSameAs(getClass().getClassLoader());
      assertThat(plugin.configType().getSimpleName()).isEqualTo("Config");
    }
  }

  @Test
  void refusesAJar_whosePluginRequiresExcludesThisSpi() throws Exception {
    TestPluginJar.greeting(dir, "future-9.jar", "future", ">=2.0.0");

    PluginLoadException e =
        catchThrowableOfType(PluginLoadException.class, () -> PluginJarLoader.load(dir, Map.of()));

    assertThat(e.getMessage())
        .contains("future-9.jar")
        .contains("Plugin-Requires '>=2.0.0'")
        .contains("SPI version " + SpiVersion.CURRENT);
  }

  @Test
  void refusesAJar_whoseSha256DiffersFromItsPin() throws Exception {
    TestPluginJar.greeting(dir, "greeting.jar", "greeting", "1.0.0");
    String wrong = "0".repeat(64);

    PluginLoadException e =
        catchThrowableOfType(
            PluginLoadException.class, () -> PluginJarLoader.load(dir, Map.of("greeting", wrong)));

    assertThat(e.getMessage()).contains("greeting.jar").contains("sha256").contains(wrong);
  }

  @Test
  void acceptsAJar_matchingItsPin() throws Exception {
    Path jar = TestPluginJar.greeting(dir, "greeting.jar", "greeting", "1.0.0");

    try (PluginCatalog catalog =
        PluginJarLoader.load(dir, Map.of("greeting", JarDigest.sha256(jar)))) {
      assertThat(catalog.ids()).containsExactly("greeting");
    }
  }

  @Test
  void aPinForAPluginThatIsNotThere_isAnError() throws Exception {
    TestPluginJar.greeting(dir, "greeting.jar", "greeting", "1.0.0");

    PluginLoadException e =
        catchThrowableOfType(
            PluginLoadException.class,
            () -> PluginJarLoader.load(dir, Map.of("ghost", "a".repeat(64))));

    assertThat(e.getMessage()).contains("'ghost'").contains("no jar");
  }

  @Test
  void aJarWithoutAnAdmissionPluginExtension_isRefused() throws Exception {
    TestPluginJar.build(dir, "empty.jar", "empty", "1.0.0", List.of());

    PluginLoadException e =
        catchThrowableOfType(PluginLoadException.class, () -> PluginJarLoader.load(dir, Map.of()));

    assertThat(e.getMessage()).contains("empty.jar").contains("exactly one AdmissionPlugin");
  }

  @Test
  void loadsOnlyTheWantedPluginIds_andChecksOnlyTheirPins() throws Exception {
    TestPluginJar.greeting(dir, "greeting.jar", "greeting", "1.0.0");
    TestPluginJar.greeting(dir, "other.jar", "other", "1.0.0");
    TestPluginJar.build(dir, "empty.jar", "empty", "1.0.0", List.of()); // refused if loaded

    try (PluginCatalog catalog =
        PluginJarLoader.load(dir, Map.of("other", "a".repeat(64)), "greeting"::equals)) {
      assertThat(catalog.ids()).containsExactly("greeting");
    }
  }

  @Test
  void aMissingDirectory_givesAnEmptyCatalog() {
    assertThat(PluginJarLoader.load(dir.resolve("absent"), Map.of()).ids()).isEmpty();
  }
}
