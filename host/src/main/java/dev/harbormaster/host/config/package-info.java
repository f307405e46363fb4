/**
 * The host's one YAML config file (DESIGN.md, "Configuration"): records bound strictly through
 * {@link dev.harbormaster.spi.config.ConfigBinder}, loaded by {@link
 * dev.harbormaster.host.config.ConfigLoader}; every problem names the file, the instance and the
 * JSON path.
 */
package dev.harbormaster.host.config;
