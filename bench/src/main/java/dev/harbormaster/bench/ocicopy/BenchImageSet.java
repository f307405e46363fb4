package dev.harbormaster.bench.ocicopy;

import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import java.util.ArrayList;
import java.util.List;

/**
 * The images copied by the benchmark: half single-platform, half multi-platform (three platforms
 * and an attestation), random (incompressible) gzip layers, pushed to the source with skopeo.
 *
 * @param repositories {@code repo:tag} of each image in the source registry
 * @param totalBytes the sum of blob and manifest sizes of all images
 */
record BenchImageSet(List<String> repositories, long totalBytes) {

  static BenchImageSet pushTo(RegistryPeer source, int images, long layerSize) {
    List<String> refs = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < images; i++) {
      boolean multi = i % 2 == 1;
      TestImages builder =
          TestImages.builder().seed(1000 + i).layers(2).layerSize(layerSize).tag("v" + i);
      if (multi) {
        builder.platforms("linux/amd64", "linux/arm64/v8", "linux/arm/v7").withAttestation();
      }
      TestImage image = builder.write();
      String ref = "bench/" + (multi ? "multi" : "single") + "-" + i + ":v" + i;
      image.pushWithSkopeo(source, ref);
      refs.add(ref);
      total += image.totalBytes();
    }
    return new BenchImageSet(List.copyOf(refs), total);
  }
}
