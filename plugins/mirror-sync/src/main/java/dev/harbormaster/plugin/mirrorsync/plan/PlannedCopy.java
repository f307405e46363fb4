package dev.harbormaster.plugin.mirrorsync.plan;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.plugin.mirrorsync.config.PlatformSelection;

/**
 * A tag whose target differs from upstream: copy {@code source} (at {@code sourceDigest}) to {@code
 * target}.
 *
 * @param mirror the mirror's configured source (for status)
 * @param source the upstream tag
 * @param sourceDigest the digest the upstream tag had when planned
 * @param target the target tag
 * @param platforms the platforms to copy
 */
public record PlannedCopy(
    String mirror,
    ImageReference source,
    Digest sourceDigest,
    ImageReference target,
    PlatformSelection platforms) {}
