package dev.harbormaster.plugin.harborproxy;

import dev.harbormaster.plugin.harborproxy.config.PopulatorConfig;
import dev.harbormaster.spi.config.ConfigBinder;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Binds YAML the way the host binds an instance's {@code config} block. */
final class Configs {
  private static final YAMLMapper YAML = new YAMLMapper();

  private Configs() {}

  static PopulatorConfig bind(String yaml) {
    return ConfigBinder.bind(YAML.readTree(yaml), PopulatorConfig.class);
  }
}
