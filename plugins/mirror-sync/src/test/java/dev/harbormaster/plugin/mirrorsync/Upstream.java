package dev.harbormaster.plugin.mirrorsync;

import dev.harbormaster.oci.manifest.ManifestBytes;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An upstream repository built by the test: three images (single-platform, two platforms with an
 * attestation, single-platform) pushed with skopeo, then many tags pointing at them (pushed by
 * manifest, as a registry's tagging works).
 */
final class Upstream {
  static final String REPO = "library/nginx";

  final RegistryPeer registry;
  final List<TestImage> images = new ArrayList<>();
  final List<String> tags = new ArrayList<>();
  private final RegistryClient client;

  Upstream(RegistryPeer registry) {
    this.registry = registry;
    this.client =
        RegistryClient.builder().allowHosts(registry.host()).insecureHosts(registry.host()).build();
  }

  /**
   * Pushes the images (tags {@code base-a..c}) and 33 more tags ({@code 1.24.0, 1.25.0..1.27.9,
   * 1.28.0-rc1, latest}): 36 in all.
   */
  Upstream build() throws IOException {
    images.add(TestImages.builder().seed(601).tag("base-a").write());
    images.add(
        TestImages.builder()
            .seed(602)
            .platforms("linux/amd64", "linux/arm64/v8")
            .withAttestation()
            .layers(2)
            .tag("base-b")
            .write());
    images.add(TestImages.builder().seed(603).layers(2).tag("base-c").write());
    for (TestImage i : images) {
      i.pushWithSkopeo(registry, REPO + ":" + i.tag());
      tags.add(i.tag());
    }
    List<String> names = new ArrayList<>(List.of("1.24.0", "1.28.0-rc1", "latest"));
    for (int minor = 25; minor <= 27; minor++) {
      for (int patch = 0; patch < 10; patch++) {
        names.add("1." + minor + "." + patch);
      }
    }
    for (int i = 0; i < names.size(); i++) {
      tag(names.get(i), images.get(i % images.size()).tag());
      tags.add(names.get(i));
    }
    return this;
  }

  /** Points {@code tag} at the manifest of {@code existingTag}. */
  void tag(String tag, String existingTag) throws IOException {
    ManifestBytes m = client.getManifest(ref(existingTag));
    client.putManifest(ref(tag), m);
  }

  ImageReference ref(String tag) {
    return ImageReference.parse(registry.imageRef(REPO + ":" + tag));
  }

  String digestOf(String tag) throws IOException {
    return client.getManifest(ref(tag)).digest().toString();
  }
}
