/**
 * The {@code mirror-sync} plugin (issue 6; user documentation in {@code
 * docs/plugins/mirror-sync.md}): keeps a registry in sync with upstream repositories.
 *
 * <ul>
 *   <li>{@link dev.harbormaster.plugin.mirrorsync.MirrorSyncPlugin}: the host side (a pass every
 *       {@code interval} on the Lease holder; admitted images queued with priority);
 *   <li>{@link dev.harbormaster.plugin.mirrorsync.MirrorCommand}: {@code harbormaster mirror sync
 *       --once [--dry-run]};
 *   <li>{@code MirrorSync}: the engine both share: producer ({@code plan}), copy queue and
 *       consumers ({@code copy}), target state, status ({@code status});
 *   <li>{@code lease}: only one replica syncs.
 * </ul>
 */
package dev.harbormaster.plugin.mirrorsync;
