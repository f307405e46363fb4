package dev.harbormaster.plugin.imagerewriter.availability;

import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.ImageReference;
import java.util.List;

/**
 * Asks a mirror whether it can serve an image: the existence check of a rule with {@code
 * checkAvailability: true}. A read, so it is allowed in dry run.
 */
@FunctionalInterface
public interface MirrorProbe {

  /**
   * Checks that {@code image}'s manifest exists on its registry and, when it is an index, lists
   * every platform in {@code platforms}. Blocks; never throws (failures are {@link
   * ProbeResult.Failed}).
   */
  ProbeResult probe(ImageReference image, List<Platform> platforms);
}
