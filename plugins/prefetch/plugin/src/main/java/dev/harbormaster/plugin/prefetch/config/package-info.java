/** The prefetch plugin's instance configuration. */
package dev.harbormaster.plugin.prefetch.config;
