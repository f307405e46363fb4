/**
 * Plugin jars loaded once with PF4J ({@link dev.harbormaster.host.plugins.PluginJarLoader}),
 * instance configs bound to the plugins' records ({@link
 * dev.harbormaster.host.plugins.InstanceBinder}), instances started with their context ({@link
 * dev.harbormaster.host.plugins.PluginRuntime}).
 */
package dev.harbormaster.host.plugins;
