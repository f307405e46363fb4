/**
 * The consumers: {@link dev.harbormaster.plugin.mirrorsync.copy.SyncItem}s keyed by target tag on
 * the shared work queue ({@link dev.harbormaster.plugin.mirrorsync.copy.CopyQueue}), copied
 * byte-exact and verified by {@link dev.harbormaster.plugin.mirrorsync.copy.MirrorCopier}.
 */
package dev.harbormaster.plugin.mirrorsync.copy;
