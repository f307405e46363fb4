/**
 * Mirror-sync benchmark: {@code harbormaster mirror sync --once} (the plugin's command, loaded from
 * its jar as the host loads it) vs {@code skopeo sync --all}, cold and warm, same run, same
 * upstream, reached directly on loopback or through {@link
 * dev.harbormaster.bench.mirrorsync.DelayRelay} with a one-way delay as a remote registry.
 */
package dev.harbormaster.bench.mirrorsync;
