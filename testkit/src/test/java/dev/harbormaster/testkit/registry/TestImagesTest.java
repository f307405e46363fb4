package dev.harbormaster.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TestImagesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private TestImages multi(long seed) {
    return TestImages.builder()
        .seed(seed)
        .platforms("linux/amd64", "linux/arm64/v8")
        .layers(2)
        .layerSize(10_000)
        .withAttestation()
        .tag("v1");
  }

  @Test
  void sameOptions_giveTheSameDigests_andOtherSeedsOthers() {
    TestImage first = multi(5).writeTo(dir.resolve("a"));
    TestImage again = multi(5).writeTo(dir.resolve("b"));
    TestImage other = multi(6).writeTo(dir.resolve("c"));

    assertThat(again.blobs()).isEqualTo(first.blobs());
    assertThat(other.top().digest()).isNotEqualTo(first.top().digest());
    assertThat(other.blobs().keySet()).doesNotContainAnyElementsOf(first.blobs().keySet());
  }

  @Test
  void everyBlobFile_hashesToItsDigest_andHasItsSize() throws Exception {
    TestImage image = multi(7).writeTo(dir);

    assertThat(image.blobs()).hasSize(1 + 2 * (2 + 2) + 3);
    for (Descriptor blob : image.blobs().values()) {
      byte[] bytes = Files.readAllBytes(image.blobPath(blob));
      assertThat(RegistryPeerTest.sha256(bytes)).isEqualTo(blob.digest());
      assertThat((long) bytes.length).isEqualTo(blob.size());
    }
    assertThat(image.totalBytes()).isGreaterThan(4 * 10_000);
  }

  @Test
  void layers_areGzipTarsWithOneFileOfTheRequestedSize_andTheConfigListsTheirDiffIds()
      throws Exception {
    TestImage image = multi(8).writeTo(dir);
    TestPlatformImage arm = image.image("linux/arm64/v8");
    TestLayer layer = arm.layers().get(1);

    byte[] tar;
    try (InputStream in =
        new GZIPInputStream(new ByteArrayInputStream(image.blobBytes(layer.blob().digest())))) {
      tar = in.readAllBytes();
    }
    String name = new String(tar, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
    long size = Long.parseLong(new String(tar, 124, 11, StandardCharsets.US_ASCII), 8);
    JsonNode config = JSON.readTree(image.blobBytes(arm.config().digest()));

    assertThat(name).isEqualTo("data/p1-l1.bin");
    assertThat(size).isEqualTo(10_000);
    assertThat(tar.length).isEqualTo(512 + 10_240 + 1024);
    assertThat(RegistryPeerTest.sha256(tar)).isEqualTo(layer.diffId());
    assertThat(config.get("architecture").asString()).isEqualTo("arm64");
    assertThat(config.get("variant").asString()).isEqualTo("v8");
    assertThat(config.get("rootfs").get("diff_ids").get(1).asString()).isEqualTo(layer.diffId());
  }

  @Test
  void index_listsPlatforms_andTheAttestationForTheFirstImage() throws Exception {
    TestImage image = multi(9).writeTo(dir);

    JsonNode index = JSON.readTree(image.blobBytes(image.top().digest()));
    JsonNode layoutIndex = JSON.readTree(dir.resolve("index.json").toFile());

    assertThat(image.isIndex()).isTrue();
    assertThat(index.get("manifests")).hasSize(3);
    assertThat(index.get("manifests").get(1).get("platform").get("variant").asString())
        .isEqualTo("v8");
    JsonNode attestation = index.get("manifests").get(2);
    assertThat(attestation.get("platform").get("os").asString()).isEqualTo("unknown");
    assertThat(attestation.get("annotations").get("vnd.docker.reference.digest").asString())
        .isEqualTo(image.image("linux/amd64").manifest().digest());
    assertThat(image.attestation().orElseThrow().layers().getFirst().blob().mediaType())
        .isEqualTo("application/vnd.in-toto+json");
    assertThat(layoutIndex.get("manifests").get(0).get("digest").asString())
        .isEqualTo(image.top().digest());
    assertThat(
            layoutIndex
                .get("manifests")
                .get(0)
                .get("annotations")
                .get("org.opencontainers.image.ref.name")
                .asString())
        .isEqualTo("v1");
  }

  @Test
  void singlePlatform_tagsTheImageManifestItself() {
    TestImage image = TestImages.builder().seed(3).writeTo(dir);

    assertThat(image.isIndex()).isFalse();
    assertThat(image.top()).isEqualTo(image.images().getFirst().manifest());
    assertThat(image.ociRef()).isEqualTo("oci:" + dir + ":latest");
  }

  @Test
  void shareFirstLayer_reusesTheBaseBlobOnEveryPlatform() {
    TestImage image = multi(4).shareFirstLayer().writeTo(dir);

    assertThat(image.image("linux/amd64").layers().getFirst())
        .isEqualTo(image.image("linux/arm64/v8").layers().getFirst());
    assertThat(image.image("linux/amd64").layers().get(1))
        .isNotEqualTo(image.image("linux/arm64/v8").layers().get(1));
  }

  @Test
  void badOptions_areRejectedNamingTheValue() {
    assertThatThrownBy(() -> TestImages.builder().platforms("linux"))
        .hasMessageContaining("'linux'");
    assertThatThrownBy(() -> TestImages.builder().tag("-bad")).hasMessageContaining("'-bad'");
    assertThatThrownBy(() -> TestImages.builder().layers(0)).hasMessageContaining("got 0");
  }
}
