/**
 * The {@code config} block of a {@code mirror-sync} instance, bound strictly by the host; every
 * field with its default is documented in {@code docs/plugins/mirror-sync.md}.
 */
package dev.harbormaster.plugin.mirrorsync.config;
