package dev.harbormaster.plugin.mirrorsync.copy;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.plugin.mirrorsync.config.PlatformSelection;
import java.util.Optional;

/**
 * One queued copy, keyed by its target tag.
 *
 * @param mirror the mirror's configured source (for status)
 * @param source the upstream tag
 * @param expected the upstream digest seen by the producer; empty for images queued on admission
 *     (resolved with a {@code HEAD} by the consumer, never on the admission path)
 * @param target the target tag
 * @param platforms the platforms to copy
 * @param generation when the upstream state was observed (larger is newer); a consumer never
 *     applies an item older than one it already applied to the same tag
 */
public record SyncItem(
    String mirror,
    ImageReference source,
    Optional<Digest> expected,
    ImageReference target,
    PlatformSelection platforms,
    long generation) {

  /** The queue key: the full target tag. */
  public String key() {
    return target.full();
  }
}
