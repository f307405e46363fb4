package dev.harbormaster.host.config;

import java.util.List;

/**
 * The host's configuration file, as documented in DESIGN.md ("Configuration (one YAML file)").
 *
 * @param server listener, TLS, logging and shutdown settings
 * @param plugins where plugin jars are and their optional sha256 pins
 * @param instances configured plugin instances, in config order (the order mutations run in)
 */
public record HostConfig(
    ServerConfig server, PluginsConfig plugins, List<InstanceConfig> instances) {
  /** Fills defaults and copies the list. */
  public HostConfig {
    if (server == null) {
      throw new IllegalArgumentException(
          "server is required (at least server.tls, or server.plainHttp: true)");
    }
    plugins = plugins == null ? new PluginsConfig(null, null) : plugins;
    instances = instances == null ? List.of() : List.copyOf(instances);
  }
}
