/**
 * Mirror-sync benchmark: {@code harbormaster mirror sync --once} (the plugin's command, loaded from
 * its jar as the host loads it) vs {@code skopeo sync --all}, cold and warm, same run, same
 * upstream.
 */
package dev.harbormaster.bench.mirrorsync;
