/**
 * Visibility: the status document ({@link dev.harbormaster.plugin.mirrorsync.status.SyncStatus},
 * served at {@code /plugins/<instance>/status}) and the metrics ({@link
 * dev.harbormaster.plugin.mirrorsync.status.SyncMetrics}, never labelled by image).
 */
package dev.harbormaster.plugin.mirrorsync.status;
