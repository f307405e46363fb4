package dev.harbormaster.host.plugins;

import dev.harbormaster.host.config.ConfigError;
import dev.harbormaster.host.config.InstanceConfig;
import dev.harbormaster.host.config.InvalidConfigException;
import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.ConfigProblem;
import dev.harbormaster.spi.config.ConfigBinder;
import dev.harbormaster.spi.config.ConfigBindingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks every configured instance against the loaded plugins: the plugin id exists (else the ids
 * that do are listed), the plugin supports the instance's scope, and the {@code config} block binds
 * strictly to the plugin's record and passes its {@link AdmissionPlugin#validate}. Problems name
 * the config file, the instance and the JSON path.
 */
public final class InstanceBinder {
  private InstanceBinder() {}

  /**
   * Binds all instances.
   *
   * @throws InvalidConfigException listing every problem
   */
  public static List<BoundInstance> bind(LoadedConfig loaded, PluginCatalog catalog) {
    List<ConfigError> errors = new ArrayList<>();
    List<BoundInstance> bound = new ArrayList<>();
    List<InstanceConfig> instances = loaded.instances();
    for (int i = 0; i < instances.size(); i++) {
      bind(loaded, catalog, instances.get(i), "instances[" + i + "]", errors).ifPresent(bound::add);
    }
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    return bound;
  }

  @SuppressWarnings("unchecked")
  private static Optional<BoundInstance> bind(
      LoadedConfig loaded,
      PluginCatalog catalog,
      InstanceConfig instance,
      String path,
      List<ConfigError> errors) {
    Optional<String> name = Optional.of(instance.name());
    Optional<AdmissionPlugin<?>> found = catalog.find(instance.plugin());
    if (found.isEmpty()) {
      errors.add(
          new ConfigError(
              loaded.source(),
              name,
              path + ".plugin",
              "unknown plugin id '"
                  + instance.plugin()
                  + "'; plugins loaded from "
                  + loaded.pluginDirectory()
                  + ": "
                  + (catalog.ids().isEmpty() ? "none" : String.join(", ", catalog.ids()))
                  + (java.nio.file.Files.isDirectory(loaded.pluginDirectory())
                      ? ""
                      : " (the directory does not exist)")));
      return Optional.empty();
    }
    AdmissionPlugin<Object> plugin = (AdmissionPlugin<Object>) found.get();
    if (!plugin.scopes().contains(instance.scope())) {
      errors.add(
          new ConfigError(
              loaded.source(),
              name,
              path + ".scope",
              "plugin '"
                  + instance.plugin()
                  + "' does not support scope "
                  + instance.scope().name().toLowerCase(java.util.Locale.ROOT)
                  + "; it supports "
                  + plugin.scopes()));
      return Optional.empty();
    }
    // A config block read from a configFile is reported against that file, with paths inside it.
    String source =
        loaded.configFileOf(instance.name()).map(Object::toString).orElse(loaded.source());
    String configPath = loaded.configFileOf(instance.name()).isPresent() ? "" : path + ".config";
    Object config;
    try {
      config = ConfigBinder.bind(instance.config(), plugin.configType());
    } catch (ConfigBindingException e) {
      errors.add(
          new ConfigError(source, name, join(configPath, e.path()), afterPath(e.getMessage())));
      return Optional.empty();
    }
    List<ConfigProblem> problems;
    try {
      problems = plugin.validate(config);
    } catch (RuntimeException | LinkageError e) {
      problems = List.of(new ConfigProblem("$", "validate() failed: " + e));
    }
    for (ConfigProblem problem : problems) {
      errors.add(
          new ConfigError(source, name, join(configPath, problem.path()), problem.message()));
    }
    return problems.isEmpty()
        ? Optional.of(new BoundInstance(instance, plugin, config))
        : Optional.empty();
  }

  private static String join(String base, String relative) {
    if (relative == null || relative.isEmpty() || relative.equals("$")) {
      return base.isEmpty() ? "$" : base;
    }
    String r = relative.startsWith("$.") ? relative.substring(2) : relative;
    if (base.isEmpty()) return r;
    return r.startsWith("[") ? base + r : base + "." + r;
  }

  private static String afterPath(String message) {
    int colon = message.indexOf(": ");
    return colon >= 0 ? message.substring(colon + 2) : message;
  }
}
