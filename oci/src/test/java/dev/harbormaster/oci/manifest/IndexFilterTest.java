package dev.harbormaster.oci.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IndexFilterTest {

  @Test
  void keepsSelectedEntriesAndOtherFields_withANewDigest() throws IOException {
    ManifestBytes index =
        ManifestBytes.of(ManifestBytesTest.fixture("index-with-attestation.json"), null);

    ManifestBytes filtered =
        IndexFilter.keep(
            index, d -> d.platform().map(p -> p.architecture().equals("arm64")).orElse(false));

    assertThat(filtered.digest()).isNotEqualTo(index.digest());
    assertThat(filtered.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(((ImageIndex) filtered.parse()).manifests())
        .extracting(Descriptor::size)
        .containsExactly(200L);
    assertThat(new String(filtered.bytes(), StandardCharsets.UTF_8))
        .contains("org.opencontainers.image.created");
  }

  @Test
  void rejectsNonIndex() throws IOException {
    ManifestBytes manifest =
        ManifestBytes.of(
            ManifestBytesTest.fixture("manifest-with-foreign-layer.json"),
            MediaTypes.DOCKER_MANIFEST);
    assertThatThrownBy(() -> IndexFilter.keep(manifest, d -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("is not an index: " + MediaTypes.DOCKER_MANIFEST);
  }
}
