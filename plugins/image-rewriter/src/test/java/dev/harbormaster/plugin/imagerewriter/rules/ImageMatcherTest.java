package dev.harbormaster.plugin.imagerewriter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.reference.ImageReference;
import org.junit.jupiter.api.Test;

class ImageMatcherTest {

  @Test
  void prefix_matchesNormalisedNames_andGivesThePathBelow() {
    ImageMatcher hub = ImageMatcher.Prefix.parse("index.docker.io");
    ImageReference nginx = ImageReference.parse("nginx:1");

    assertThat(hub.matches(nginx)).isTrue();
    assertThat(hub.below(nginx)).isEqualTo("library/nginx");
    assertThat(hub).hasToString("docker.io");
  }

  @Test
  void regex_mustMatchTheWholeName_withoutTag() {
    ImageMatcher regex = ImageMatcher.Regex.compile("docker\\.io/library/ng.*");

    assertThat(regex.matches(ImageReference.parse("nginx:1.27"))).isTrue();
    assertThat(regex.matches(ImageReference.parse("quay.io/x/docker.io/library/nginx"))).isFalse();
    assertThat(ImageMatcher.Regex.compile("nginx").matches(ImageReference.parse("nginx")))
        .isFalse();
    assertThat(regex.below(ImageReference.parse("nginx"))).isEqualTo("library/nginx");
  }
}
