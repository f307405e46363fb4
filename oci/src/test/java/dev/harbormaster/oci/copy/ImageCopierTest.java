package dev.harbormaster.oci.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.manifest.ImageIndex;
import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.testkit.registry.AccessLogEntry;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import dev.harbormaster.testkit.registry.TestPlatformImage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Copies between real docker-registry instances, checked with skopeo. */
class ImageCopierTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();

  private static RegistryClient client(RegistryPeer... registries) {
    var b = RegistryClient.builder();
    for (RegistryPeer r : registries) {
      b.allowHosts(r.host()).insecureHosts(r.host());
    }
    return b.build();
  }

  @Test
  void copiesMultiPlatformImage_byteIdentical_thenOnlyChecksWhenUpToDate() throws Exception {
    RegistryPeer from = PEERS.plain();
    RegistryPeer to = PEERS.start(RegistryPeer.builder());
    TestImage image =
        TestImages.builder()
            .seed(41)
            .platforms("linux/amd64", "linux/arm64/v8", "linux/arm/v7")
            .withAttestation()
            .tag("v1")
            .write();
    image.pushWithSkopeo(from, "copy/multi:v1");
    RegistryClient client = client(from, to);
    ImageCopier copier = ImageCopier.builder(client, client).build();
    ImageReference src = ImageReference.parse(from.imageRef("copy/multi:v1"));
    ImageReference dst = ImageReference.parse(to.imageRef("mirror/multi:v1"));

    CopyResult cold = copier.copy(src, dst);

    byte[] sourceIndex = PEERS.skopeo().inspectRaw(from.dockerRef("copy/multi:v1"));
    byte[] copiedIndex = PEERS.skopeo().inspectRaw(to.dockerRef("mirror/multi:v1"));
    assertThat(copiedIndex).isEqualTo(sourceIndex);
    assertThat(cold.digest().toString()).isEqualTo(image.top().digest());
    assertThat(cold.upToDate()).isFalse();
    assertThat(cold.manifestsPushed()).isEqualTo(5); // 3 platforms + attestation + index
    for (TestPlatformImage platform : image.images()) {
      assertThat(
              PEERS
                  .skopeo()
                  .inspectRaw(to.dockerRef("mirror/multi@" + platform.manifest().digest())))
          .isEqualTo(image.blobBytes(platform.manifest().digest()));
    }
    int mark = to.accessLog().size();

    CopyResult warm = copier.copy(src, dst);

    assertThat(warm.upToDate()).isTrue();
    assertThat(warm.digest()).isEqualTo(cold.digest());
    to.accessLog()
        .awaitCount("HEAD", "/v2/mirror/multi/manifests/v1", 2, java.time.Duration.ofSeconds(5));
    List<AccessLogEntry> warmRequests = to.accessLog().since(mark);
    assertThat(warmRequests).extracting(AccessLogEntry::method).containsOnly("HEAD");
  }

  @Test
  void copyWithinOneRegistry_mountsEveryBlob() throws Exception {
    RegistryPeer registry = PEERS.plain();
    TestImage image = TestImages.multiPlatform(42);
    image.pushWithSkopeo(registry, "mount/src:v1");
    RegistryClient client = client(registry);

    CopyResult result =
        ImageCopier.builder(client, client)
            .build()
            .copy(
                ImageReference.parse(registry.imageRef("mount/src:v1")),
                ImageReference.parse(registry.imageRef("mount/dst:v1")));

    assertThat(result.blobsUploaded()).isZero();
    assertThat(result.blobsMounted()).isEqualTo(6); // 2 configs + 4 layers
    assertThat(PEERS.skopeo().inspectRaw(registry.dockerRef("mount/dst:v1")))
        .isEqualTo(image.blobBytes(image.top().digest()));
  }

  @Test
  void platformFilter_pushesANewIndexWithTheSelectedEntries() throws Exception {
    RegistryPeer from = PEERS.plain();
    RegistryPeer to = PEERS.start(RegistryPeer.builder());
    TestImage image = TestImages.multiPlatform(43);
    image.pushWithSkopeo(from, "filter/app:v1");
    RegistryClient client = client(from, to);

    CopyResult result =
        ImageCopier.builder(client, client)
            .platforms(Set.of(Platform.parse("linux/arm64")))
            .build()
            .copy(
                ImageReference.parse(from.imageRef("filter/app:v1")),
                ImageReference.parse(to.imageRef("filter/app:v1")));

    assertThat(result.digest().toString()).isNotEqualTo(image.top().digest());
    ImageIndex copied =
        (ImageIndex) client.getManifest(ImageReference.parse(to.imageRef("filter/app:v1"))).parse();
    assertThat(copied.manifests())
        .extracting(d -> d.digest().toString())
        .containsExactly(image.image("linux/arm64/v8").manifest().digest());
    assertThat(result.blobsUploaded()).isEqualTo(3); // config + 2 layers of one platform
  }

  @Test
  void concurrentCopiesSharingBlobs_uploadEachBlobOnce() throws Exception {
    RegistryPeer from = PEERS.plain();
    RegistryPeer to = PEERS.start(RegistryPeer.builder());
    TestImage image = TestImages.singlePlatform(44);
    image.pushWithSkopeo(from, "shared/app:a");
    image.pushWithSkopeo(from, "shared/app:b");
    RegistryClient client = client(from, to);
    ImageCopier copier = ImageCopier.builder(client, client).parallelism(4).build();

    var a = CompletableFuture.supplyAsync(() -> copy(copier, from, to, "shared/app:a"));
    var b = CompletableFuture.supplyAsync(() -> copy(copier, from, to, "shared/app:b"));

    CopyResult ra = a.get();
    CopyResult rb = b.get();
    assertThat(ra.blobsUploaded() + rb.blobsUploaded()).isEqualTo(2); // config + layer
    assertThat(ra.digest()).isEqualTo(Digest.parse(image.top().digest())).isEqualTo(rb.digest());
    assertThat(to.accessLog().count("PUT", "/v2/shared/app/blobs/uploads/.*")).isEqualTo(2);
  }

  private static CopyResult copy(
      ImageCopier copier, RegistryPeer from, RegistryPeer to, String ref) {
    try {
      return copier.copy(
          ImageReference.parse(from.imageRef(ref)), ImageReference.parse(to.imageRef(ref)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
