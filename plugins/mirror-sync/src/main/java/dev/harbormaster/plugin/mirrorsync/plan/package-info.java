/**
 * The producer: which tags of a mirror are wanted ({@link
 * dev.harbormaster.plugin.mirrorsync.plan.TagFilter}), what they point at upstream (one {@code
 * HEAD} per tag, bounded per registry) and which of them differ from what is known of the target
 * ({@link dev.harbormaster.plugin.mirrorsync.plan.TargetState}): {@link
 * dev.harbormaster.plugin.mirrorsync.plan.MirrorPlanner}.
 */
package dev.harbormaster.plugin.mirrorsync.plan;
