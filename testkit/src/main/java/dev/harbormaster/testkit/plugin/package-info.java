/**
 * Plugin unit-test support: {@link dev.harbormaster.testkit.plugin.TestPluginContext} (a {@link
 * dev.harbormaster.spi.PluginContext} as the host offers it, with meters, a real scheduler and the
 * published status kept for asserts) and {@link dev.harbormaster.testkit.plugin.TestReviews}
 * (CREATE reviews of a Pod built from image names, or read from fixture files).
 */
package dev.harbormaster.testkit.plugin;
