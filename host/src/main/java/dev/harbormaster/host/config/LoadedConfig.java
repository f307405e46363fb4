package dev.harbormaster.host.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed and validated configuration with where it came from.
 *
 * @param source the file name (or {@code embedded:default.yaml}) for messages
 * @param directory the directory relative paths are resolved against
 * @param config the configuration; every instance's {@code configFile} is already inlined
 * @param configFiles instance name to the file its {@code config} block was read from, for
 *     instances that use {@code configFile}
 */
public record LoadedConfig(
    String source, Path directory, HostConfig config, Map<String, Path> configFiles) {

  /** Copies the map. */
  public LoadedConfig {
    configFiles = Map.copyOf(configFiles);
  }

  /** The file an instance's {@code config} block came from, when it used {@code configFile}. */
  public Optional<Path> configFileOf(String instance) {
    return Optional.ofNullable(configFiles.get(instance));
  }

  /** The plugin directory, with {@code ${harbormaster.home}} expanded and resolved. */
  public Path pluginDirectory() {
    String home = System.getProperty("harbormaster.home", ".");
    String dir = config.plugins().dir().replace("${harbormaster.home}", home);
    return directory.resolve(dir).normalize();
  }

  /** Resolves a path from the config (TLS files, config files) against {@link #directory()}. */
  public Path resolve(String path) {
    return directory.resolve(path).normalize();
  }

  /** The instances in config order. */
  public List<InstanceConfig> instances() {
    return config.instances();
  }
}
