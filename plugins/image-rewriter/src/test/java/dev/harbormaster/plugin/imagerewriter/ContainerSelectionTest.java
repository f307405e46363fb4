package dev.harbormaster.plugin.imagerewriter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.spi.Review;
import dev.harbormaster.workload.ContainerImage;
import dev.harbormaster.workload.PodTemplate;
import org.junit.jupiter.api.Test;

class ContainerSelectionTest {

  private static java.util.List<String> selected(String fixture) {
    Review review = ReviewFixtures.load(fixture);
    PodTemplate template =
        PodTemplate.find(review.kind().kind(), review.object().orElseThrow()).orElseThrow();
    return ContainerSelection.select(review, template).stream().map(ContainerImage::name).toList();
  }

  @Test
  void create_selectsInitAndRegularContainers() {
    assertThat(selected("pod-create.json"))
        .containsExactly(
            "setup", "proxy", "web", "metrics", "app", "internal", "dev", "other", "broken");
  }

  @Test
  void ephemeralSubresourceUpdate_selectsOnlyNewEphemeralContainers() {
    assertThat(selected("pod-ephemeral-update.json")).containsExactly("debugger");
  }

  @Test
  void plainUpdate_selectsOnlyChangedImages() {
    assertThat(selected("pod-update-unchanged.json")).containsExactly("side");
  }
}
