/**
 * Assembly of a running host: plugins, instances and pipeline ({@link
 * dev.harbormaster.host.runtime.HostRuntime}), plus the HTTP server ({@link
 * dev.harbormaster.host.runtime.HostServer}).
 */
package dev.harbormaster.host.runtime;
