package dev.harbormaster.testkit.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import org.junit.jupiter.api.Test;

class TestReviewsTest {
  @Test
  void pod_buildsACreateOfShopP_withOneContainerPerImage() {
    Review review = TestReviews.pod(true, "nginx:1.27", "busybox");

    assertThat(review.operation()).isEqualTo(Operation.CREATE);
    assertThat(review.kind().kind()).isEqualTo("Pod");
    assertThat(review.kind().group()).isEmpty();
    assertThat(review.namespace()).contains("shop");
    assertThat(review.name()).contains("p");
    assertThat(review.dryRun()).isTrue();
    var containers = review.object().orElseThrow().path("spec").path("containers");
    assertThat(containers.size()).isEqualTo(2);
    assertThat(containers.get(1).path("name").asString()).isEqualTo("c1");
    assertThat(containers.get(1).path("image").asString()).isEqualTo("busybox");
  }

  @Test
  void load_readsKindResourceDryRunAndObjectFromTheFixture() {
    Review review = TestReviews.load("deployment-dry-run.json");

    assertThat(review.kind().kind()).isEqualTo("Deployment");
    assertThat(review.kind().group()).isEqualTo("apps");
    assertThat(review.resource().resource()).isEqualTo("deployments");
    assertThat(review.dryRun()).isTrue();
    assertThat(review.object().orElseThrow().path("metadata").path("name").asString())
        .isEqualTo("web");
  }

  @Test
  void load_namesTheMissingFixture() {
    assertThatThrownBy(() -> TestReviews.load("nope.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reviews/nope.json");
  }
}
