package dev.harbormaster.plugin.mirrorsync;

import dev.harbormaster.oci.manifest.Descriptor;
import dev.harbormaster.oci.manifest.ImageIndex;
import dev.harbormaster.oci.manifest.ImageManifest;
import dev.harbormaster.oci.manifest.Manifest;
import dev.harbormaster.oci.manifest.ManifestBytes;
import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.RepositoryName;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.plugin.mirrorsync.plan.PlannedCopy;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The size of a planned copy, for the dry run: manifests plus distributable blobs (each blob once)
 * of the selected platforms, read from upstream with {@code GET}s of the manifests (no blob is
 * read). Blobs the target already has are not subtracted: this is the size of the image.
 */
final class PlanSizer {
  private final Function<String, RegistryClient> sources;

  PlanSizer(Function<String, RegistryClient> sources) {
    this.sources = sources;
  }

  /**
   * Size and number of platform images of {@code copy}.
   *
   * @param bytes total bytes
   * @param images number of image manifests (platforms, attestations included)
   */
  record Size(long bytes, int images) {}

  Size size(PlannedCopy copy) throws IOException {
    RegistryClient client = sources.apply(copy.source().registry());
    RepositoryName repo = copy.source().repositoryName();
    ManifestBytes top = client.getManifest(repo.withDigest(copy.sourceDigest()));
    Set<String> blobs = new HashSet<>();
    long[] total = {top.size()};
    int images = 0;
    Manifest parsed = top.parse();
    if (parsed instanceof ImageIndex index) {
      for (Descriptor child : index.manifests()) {
        if (!copy.platforms().isAll() && !selected(copy, child)) {
          continue;
        }
        ManifestBytes m = client.getManifest(repo.withDigest(child.digest()));
        total[0] += m.size();
        if (m.parse() instanceof ImageManifest image) {
          images++;
          add(image, blobs, total);
        }
      }
    } else if (parsed instanceof ImageManifest image) {
      images = 1;
      add(image, blobs, total);
    }
    return new Size(total[0], images);
  }

  private static boolean selected(PlannedCopy copy, Descriptor child) {
    return child
        .platform()
        .map(p -> copy.platforms().platforms().stream().anyMatch((Platform w) -> w.matches(p)))
        .orElse(false);
  }

  private static void add(ImageManifest image, Set<String> seen, long[] total) {
    for (Descriptor blob : image.distributableBlobs()) {
      if (seen.add(blob.digest().toString())) {
        total[0] += blob.size();
      }
    }
  }

  /** {@code 12.3 MiB}. */
  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
