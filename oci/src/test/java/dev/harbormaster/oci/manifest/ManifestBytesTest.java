package dev.harbormaster.oci.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.platform.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestBytesTest {

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = ManifestBytesTest.class.getResourceAsStream("/manifests/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void index_keepsEveryEntry_andSelectsPlatforms() throws IOException {
    ManifestBytes bytes = ManifestBytes.of(fixture("index-with-attestation.json"), null);
    ImageIndex index = (ImageIndex) bytes.parse();

    assertThat(bytes.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(bytes.digest()).isEqualTo(Digest.of(fixture("index-with-attestation.json")));
    assertThat(index.manifests()).hasSize(4);
    assertThat(index.attestations()).extracting(Descriptor::size).containsExactly(300L);
    assertThat(index.platforms())
        .containsExactly(Platform.parse("linux/amd64"), Platform.parse("linux/arm64"));
    assertThat(index.select(Platform.parse("linux/arm64/v8")).orElseThrow().size()).isEqualTo(200);
    assertThat(index.select(Platform.parse("linux/amd64")).orElseThrow().size()).isEqualTo(100);
    assertThat(index.select(Platform.parse("linux/s390x"))).isEmpty();
    assertThat(index.select(Platform.UNKNOWN)).isEmpty();
    Descriptor future = index.manifests().get(3);
    assertThat(future.mediaType()).isEqualTo("application/vnd.example.future+json");
    assertThat(future.artifactType()).contains("application/vnd.example.sbom");
  }

  @Test
  void manifest_separatesNonDistributableLayers_andKeepsLongSizes() throws IOException {
    ManifestBytes bytes =
        ManifestBytes.of(fixture("manifest-with-foreign-layer.json"), MediaTypes.DOCKER_MANIFEST);
    ImageManifest manifest = (ImageManifest) bytes.parse();

    assertThat(manifest.blobs()).hasSize(3);
    assertThat(manifest.layers().get(0).size()).isEqualTo(5_000_000_000L);
    assertThat(manifest.distributableBlobs())
        .extracting(d -> d.digest().hex().substring(0, 1))
        .containsExactly("a", "c");
    assertThat(manifest.totalSize()).isEqualTo(5_000_004_000L);
  }

  @Test
  void unknownMediaType_isKeptWithoutParsing() {
    byte[] raw = "not even json".getBytes(StandardCharsets.UTF_8);
    ManifestBytes bytes = ManifestBytes.of(raw, "application/vnd.example.thing+json");

    assertThat(bytes.parse()).isEqualTo(new OtherManifest("application/vnd.example.thing+json"));
    assertThat(bytes.bytes()).isEqualTo(raw);
  }

  @Test
  void malformedManifests_areReportedWithDigestAndField() {
    byte[] noConfig = "{\"layers\":[]}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ManifestBytes.of(noConfig, MediaTypes.OCI_MANIFEST).parse())
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageEndingWith("(" + MediaTypes.OCI_MANIFEST + "): field \"config\" is missing");
    byte[] badDigest =
        ("{\"manifests\":[{\"mediaType\":\"x\",\"digest\":\"sha256:zz\",\"size\":1}]}")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ManifestBytes.of(badDigest, MediaTypes.OCI_INDEX).parse())
        .hasMessageContaining("manifests[0]: invalid digest \"sha256:zz\"");
    assertThatThrownBy(() -> ManifestBytes.of("{}".getBytes(StandardCharsets.UTF_8), null))
        .hasMessageContaining("cannot tell its type");
  }

  @Test
  void digestMustMatchBytes() {
    byte[] raw = "{}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new ManifestBytes(raw, MediaTypes.OCI_INDEX, Digest.of(new byte[0])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptHeader_listsTheFourTypesOnce() {
    assertThat(MediaTypes.MANIFEST_ACCEPT)
        .isEqualTo(
            "application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json,"
                + " application/vnd.docker.distribution.manifest.list.v2+json,"
                + " application/vnd.docker.distribution.manifest.v2+json");
  }
}
