package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.manifest.ManifestBytes;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.testkit.registry.Descriptor;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestLayer;
import dev.harbormaster.testkit.registry.TestPlatformImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pushes a test OCI layout with our client: blobs, then child manifests by digest, then the tag.
 */
final class LayoutPusher {
  private LayoutPusher() {}

  static void push(RegistryClient client, TestImage image, ImageReference target)
      throws IOException {
    List<TestPlatformImage> all = new ArrayList<>(image.images());
    image.attestation().ifPresent(all::add);
    for (TestPlatformImage platform : all) {
      pushBlob(client, image, target, platform.config());
      for (TestLayer layer : platform.layers()) {
        pushBlob(client, image, target, layer.blob());
      }
      if (image.isIndex()) {
        client.putManifest(target.repositoryName(), manifest(image, platform.manifest()));
      }
    }
    client.putManifest(target, manifest(image, image.top()));
  }

  static ManifestBytes manifest(TestImage image, Descriptor d) {
    return ManifestBytes.of(image.blobBytes(d.digest()), d.mediaType());
  }

  private static void pushBlob(
      RegistryClient client, TestImage image, ImageReference target, Descriptor d)
      throws IOException {
    Digest digest = Digest.parse(d.digest());
    if (client.headBlob(target.repositoryName(), digest).isEmpty()) {
      client.pushBlob(
          target.repositoryName(), digest, BlobSource.of(image.blobPath(d)), Optional.empty());
    }
  }
}
