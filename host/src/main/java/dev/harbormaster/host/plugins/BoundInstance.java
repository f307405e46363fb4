package dev.harbormaster.host.plugins;

import dev.harbormaster.host.config.InstanceConfig;
import dev.harbormaster.spi.AdmissionPlugin;

/**
 * An instance whose plugin exists, supports its scope, and whose config is bound and valid.
 *
 * @param config the instance's entry in the config file
 * @param plugin the plugin
 * @param pluginConfig the bound config record
 */
public record BoundInstance(
    InstanceConfig config, AdmissionPlugin<Object> plugin, Object pluginConfig) {}
