package dev.harbormaster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.spi.SpiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pf4j.DefaultVersionManager;

/**
 * Keeps the class-loading boundary (DESIGN.md) true for every plugin jar the reactor built and the
 * distribution ships: no shared classes inside, a complete PF4J descriptor, an extension index that
 * names classes in the jar.
 */
class PluginJarHygieneTest {
  /** Libraries the host ships whole and shares; a plugin jar must never carry their classes. */
  private static final List<String> SHARED_PACKAGES =
      List.of(
          "dev/harbormaster/spi/",
          "org/pf4j/",
          "tools/jackson/",
          "com/fasterxml/jackson/",
          "org/slf4j/",
          "io/micrometer/");

  /**
   * The fabric8 Kubernetes model is shared module by module: the host ships some (core, apps,
   * batch, ...), and a plugin may bundle others its fabric8 client needs. Under this prefix, a
   * plugin jar must not carry any class the host's {@code lib/} has.
   */
  private static final String KUBERNETES_MODEL = "io/fabric8/kubernetes/";

  private static Set<String> hostModelClasses;

  static Stream<Path> pluginJars() {
    return Stream.concat(
            PluginJars.builtInReactor().stream(), Distribution.shippedPlugins().stream())
        .distinct();
  }

  @Test
  void findsTheExamplePlugin_soThatTheChecksBelowCannotPassVacuously() {
    assertThat(PluginJars.builtInReactor())
        .extracting(jar -> jar.getFileName().toString())
        .contains("harbormaster-plugin-example-deny-latest-0.1.0-SNAPSHOT.jar");
  }

  @Test
  void distributionShipsEveryPluginBuiltInTheReactor_exceptTheTestFixture() throws IOException {
    Set<String> shipped = new java.util.TreeSet<>();
    for (Path jar : Distribution.shippedPlugins()) {
      shipped.add(pluginId(jar));
    }
    Set<String> built = new java.util.TreeSet<>();
    for (Path jar : PluginJars.builtInReactor()) {
      built.add(pluginId(jar));
    }
    built.remove("it-stamp");

    assertThat(shipped)
        .as("plugin ids in " + Distribution.home().resolve("plugins"))
        .isEqualTo(built);
  }

  @ParameterizedTest
  @MethodSource("pluginJars")
  void containsNoSharedClasses(Path jar) throws IOException {
    Set<String> hostModel = hostModelClasses();
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> shared =
          Collections.list(file.entries()).stream()
              .map(JarEntry::getName)
              .filter(name -> !name.endsWith("/"))
              .filter(
                  name ->
                      SHARED_PACKAGES.stream().anyMatch(name::startsWith)
                          || hostModel.contains(name))
              .toList();
      assertThat(shared)
          .as("%s bundles classes of shared libraries (declare them provided)", jar)
          .isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("pluginJars")
  void declaresACompletePf4jDescriptor_acceptingThisSpiVersion(Path jar) throws IOException {
    Attributes manifest = manifestOf(jar);
    DefaultVersionManager versions = new DefaultVersionManager();

    assertThat(manifest.getValue("Plugin-Id"))
        .as(jar + " Plugin-Id")
        .matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    assertThat(manifest.getValue("Plugin-Version")).as(jar + " Plugin-Version").isNotBlank();
    assertThat(manifest.getValue("Plugin-Provider")).as(jar + " Plugin-Provider").isNotBlank();
    String requires = manifest.getValue("Plugin-Requires");
    assertThat(requires).as(jar + " Plugin-Requires").isNotBlank();
    assertThat(versions.checkVersionConstraint(SpiVersion.CURRENT, requires))
        .as("%s: Plugin-Requires '%s' accepts SPI %s", jar, requires, SpiVersion.CURRENT)
        .isTrue();
    assertThat(versions.checkVersionConstraint("2.0.0", requires))
        .as("%s: Plugin-Requires '%s' must exclude the next major SPI version", jar, requires)
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("pluginJars")
  void indexesItsExtensions_whichAreInTheJar(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry index = file.getJarEntry("META-INF/extensions.idx");
      assertThat(index).as(jar + " META-INF/extensions.idx").isNotNull();
      List<String> extensions;
      try (InputStream in = file.getInputStream(index)) {
        extensions =
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
      }
      assertThat(extensions).as(jar + " extensions").isNotEmpty();
      for (String extension : extensions) {
        assertThat(file.getEntry(extension.replace('.', '/') + ".class"))
            .as("%s lists %s but does not contain it", jar, extension)
            .isNotNull();
      }
    }
  }

  @Test
  void knowsTheKubernetesModelClassesTheHostShares() throws IOException {
    assertThat(hostModelClasses())
        .contains(
            "io/fabric8/kubernetes/api/model/Pod.class",
            "io/fabric8/kubernetes/api/model/apps/Deployment.class",
            "io/fabric8/kubernetes/api/model/batch/v1/CronJob.class");
  }

  /** Every entry under {@link #KUBERNETES_MODEL} in the jars of the distribution's lib/. */
  private static synchronized Set<String> hostModelClasses() throws IOException {
    if (hostModelClasses == null) {
      Set<String> classes = new HashSet<>();
      for (Path jar : Distribution.jarsIn(Distribution.home().resolve("lib"))) {
        try (JarFile file = new JarFile(jar.toFile())) {
          Collections.list(file.entries()).stream()
              .map(JarEntry::getName)
              .filter(name -> name.startsWith(KUBERNETES_MODEL) && !name.endsWith("/"))
              .forEach(classes::add);
        }
      }
      hostModelClasses = classes;
    }
    return hostModelClasses;
  }

  private static String pluginId(Path jar) throws IOException {
    return manifestOf(jar).getValue("Plugin-Id");
  }

  private static Attributes manifestOf(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest()).as(jar + " manifest").isNotNull();
      return file.getManifest().getMainAttributes();
    }
  }
}
