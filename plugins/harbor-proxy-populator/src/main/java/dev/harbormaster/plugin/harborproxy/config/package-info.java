/**
 * The populator's config records, bound strictly by the host ({@code
 * dev.harbormaster.spi.config.ConfigBinder}); each constructor rejects a bad value naming the field
 * and the value. User documentation: {@code docs/plugins/harbor-proxy-populator.md}.
 */
package dev.harbormaster.plugin.harborproxy.config;
