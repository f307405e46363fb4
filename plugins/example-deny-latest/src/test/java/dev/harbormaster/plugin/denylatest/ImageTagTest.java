package dev.harbormaster.plugin.denylatest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.reference.InvalidReferenceException;
import dev.harbormaster.plugin.denylatest.ImageTag.Pinning;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageTagTest {
  private static final String DIGEST =
      "sha256:2b7412e6465c3c7fc5bb21d3e6f1917c167358449fecac8176c6e496e5c1f05f";

  @ParameterizedTest
  @CsvSource({
    "nginx, IMPLICIT_LATEST",
    "library/nginx, IMPLICIT_LATEST",
    "registry:5000/app, IMPLICIT_LATEST",
    "localhost:5000/team/app, IMPLICIT_LATEST",
    "nginx:latest, EXPLICIT_LATEST",
    "quay.io/acme/app:latest, EXPLICIT_LATEST",
    "registry:5000/app:latest, EXPLICIT_LATEST",
    "nginx:1.27, TAG",
    "registry:5000/app:latest-2024, TAG",
    "ghcr.io/acme/app:v1.2.3, TAG",
  })
  void classifiesTags_withThePortBelongingToTheHost(String image, Pinning expected) {
    assertThat(ImageTag.of(image)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"nginx@", "nginx:latest@", "registry:5000/app@", "quay.io/acme/app:1.0@"})
  void treatsDigestReferencesAsPinned_whateverTheTagSays(String prefix) {
    assertThat(ImageTag.of(prefix + DIGEST)).isEqualTo(Pinning.DIGEST);
    assertThat(ImageTag.floatsOnLatest(prefix + DIGEST)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"Nginx", "nginx:", "nginx@sha256:abc", "registry:5000/App:1"})
  void rejectsInvalidReferences_withTheParsersMessage(String image) {
    assertThatThrownBy(() -> ImageTag.of(image))
        .isInstanceOf(InvalidReferenceException.class)
        .hasMessageStartingWith("invalid image reference \"" + image + "\"");
  }

  @ParameterizedTest
  @CsvSource({"nginx, true", "nginx:latest, true", "nginx:1.27, false"})
  void floatsOnLatest_forExplicitAndImplicitLatestOnly(String image, boolean expected) {
    assertThat(ImageTag.floatsOnLatest(image)).isEqualTo(expected);
  }
}
