package dev.harbormaster.plugin.imagerewriter.availability;

import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.ImageReference;
import java.util.List;

/**
 * One distinct existence question: an image on a mirror and the platforms it must list.
 *
 * @param image the mirror image
 * @param platforms the platforms an index must list (empty: any manifest will do)
 */
public record ProbeKey(ImageReference image, List<Platform> platforms) {
  /** Copies the list. */
  public ProbeKey {
    platforms = List.copyOf(platforms);
  }
}
