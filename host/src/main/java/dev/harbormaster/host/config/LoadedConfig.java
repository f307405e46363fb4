package dev.harbormaster.host.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed and validated configuration with where it came from.
 *
 * @param source the file name (or {@code embedded:default.yaml}) for messages
 * @param directory the directory relative paths are resolved against
 * @param config the configuration; every instance's {@code configFile} is already inlined
 */
public record LoadedConfig(String source, Path directory, HostConfig config) {

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
