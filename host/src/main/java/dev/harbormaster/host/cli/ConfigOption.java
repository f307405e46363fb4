package dev.harbormaster.host.cli;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.config.LoadedConfig;
import java.nio.file.Path;
import java.util.Optional;

/** Loads the config named by {@code --config}, or the embedded default when allowed. */
final class ConfigOption {
  private ConfigOption() {}

  static LoadedConfig load(Optional<Path> file) {
    return file.map(ConfigLoader::load).orElseGet(ConfigLoader::loadEmbedded);
  }
}
