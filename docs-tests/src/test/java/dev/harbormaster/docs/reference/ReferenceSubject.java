package dev.harbormaster.docs.reference;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.config.HostConfig;
import dev.harbormaster.host.config.InstanceConfig;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.ConfigProblem;
import dev.harbormaster.spi.config.ConfigBinder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * One document of the configuration reference: the host's file or one plugin's {@code config:}
 * block, with the binder Harbormaster uses for it.
 *
 * @param id {@code host} or the plugin id; the document is {@code docs/reference/<id>.md}
 * @param title the document's title
 * @param tree the fields
 * @param binder binds an example as Harbormaster would
 * @param guide the hand-written guide ({@code docs/plugins/<id>.md}, else the plugin module's
 *     {@code README.md}), relative to the repository root, if there is one
 */
record ReferenceSubject(
    String id, String title, ConfigTree tree, ExampleBinder binder, Optional<String> guide) {

  /** The host and every plugin on the classpath. */
  static List<ReferenceSubject> all() {
    List<PluginCatalog.PluginEntry> plugins = PluginCatalog.plugins();
    Map<String, PluginCatalog.PluginEntry> byId =
        plugins.stream()
            .collect(Collectors.toMap(PluginCatalog.PluginEntry::id, Function.identity()));
    List<ReferenceSubject> subjects = new ArrayList<>();
    subjects.add(
        new ReferenceSubject(
            "host",
            "Host configuration file",
            ConfigTree.of(HostConfig.class),
            (tree, file) -> bindHost(tree, file, byId),
            Optional.empty()));
    for (PluginCatalog.PluginEntry plugin : plugins) {
      subjects.add(
          new ReferenceSubject(
              plugin.id(),
              "Plugin `" + plugin.id() + "`",
              ConfigTree.of(plugin.configType()),
              (tree, file) -> bindPlugin(plugin, tree),
              guideOf(plugin)));
    }
    return List.copyOf(subjects);
  }

  /** The guide as a link from {@code docs/reference/}. */
  Optional<String> guideLink() {
    Path root = Repository.root();
    return guide.map(g -> root.resolve("docs/reference").relativize(root.resolve(g)).toString());
  }

  private static Optional<String> guideOf(PluginCatalog.PluginEntry plugin) {
    Path root = Repository.root();
    Path guide = root.resolve("docs/plugins/" + plugin.id() + ".md");
    if (Files.isRegularFile(guide)) {
      return Optional.of(root.relativize(guide).toString());
    }
    Path source = new SourceJavadoc(root).sourceOf(plugin.plugin().getClass());
    Path module = source;
    while (!module.endsWith(Path.of("src", "main", "java"))) module = module.getParent();
    Path readme = module.getParent().getParent().getParent().resolve("README.md");
    return Files.isRegularFile(readme)
        ? Optional.of(root.relativize(readme).toString())
        : Optional.empty();
  }

  /** Binds a plugin's config block with the host's binder, then runs the plugin's validate. */
  static Object bindPlugin(PluginCatalog.PluginEntry plugin, JsonNode tree) {
    Object config = ConfigBinder.bind(tree, plugin.configType());
    @SuppressWarnings("unchecked")
    AdmissionPlugin<Object> typed = (AdmissionPlugin<Object>) plugin.plugin();
    List<ConfigProblem> problems = typed.validate(config);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "plugin " + plugin.id() + " refuses the config: " + problems);
    }
    return config;
  }

  /** Loads a host file with the host's loader and binds every instance's config to its plugin. */
  private static Object bindHost(
      JsonNode tree, Path file, Map<String, PluginCatalog.PluginEntry> plugins) {
    byte[] text = tree.toString().getBytes(StandardCharsets.UTF_8);
    HostConfig config =
        ConfigLoader.parse(file.toString(), file.getParent(), new ByteArrayInputStream(text))
            .config();
    for (InstanceConfig instance : config.instances()) {
      PluginCatalog.PluginEntry plugin = plugins.get(instance.plugin());
      if (plugin == null) {
        throw new IllegalArgumentException(
            "instance "
                + instance.name()
                + ": no plugin "
                + instance.plugin()
                + " on the classpath");
      }
      if (!plugin.plugin().scopes().contains(instance.scope())) {
        throw new IllegalArgumentException(
            "instance "
                + instance.name()
                + ": plugin "
                + plugin.id()
                + " cannot run "
                + instance.scope());
      }
      try {
        bindPlugin(plugin, instance.config());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "instance " + instance.name() + ": " + e.getMessage(), e);
      }
    }
    return config;
  }
}
