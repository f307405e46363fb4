package dev.harbormaster.plugin.denylatest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.InvalidReferenceException;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.GroupVersionKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class LatestTagPolicyTest {
  private final LatestTagPolicy policy = new LatestTagPolicy(DenyLatestConfig.defaults());

  @Test
  void deniesPod_namingEveryContainerWithoutTag() {
    Decision decision = policy.review(ReviewFixtures.load("pod-create-implicit-latest.json"));

    assertThat(decision)
        .isEqualTo(
            Decision.deny(
                403,
                "Pod shop/web: container \"web\" uses image \"nginx\" (no tag means latest);"
                    + " container \"metrics\" uses image \"registry.local:5000/team/exporter\""
                    + " (no tag means latest). Pin a version tag (nginx:1.27) or a digest"
                    + " (nginx@sha256:...)."));
  }

  @Test
  void allowsPod_whoseImagesArePinnedByTagOrDigest() {
    assertThat(policy.review(ReviewFixtures.load("pod-create-pinned.json")))
        .isEqualTo(Decision.allow());
  }

  @Test
  void deniesDeployment_whoseTemplateUsesLatestExplicitly() {
    Decision decision =
        policy.review(ReviewFixtures.load("deployment-create-explicit-latest.json"));

    assertThat(decision).isInstanceOf(Decision.Deny.class);
    Decision.Deny deny = (Decision.Deny) decision;
    assertThat(deny.code()).isEqualTo(403);
    assertThat(deny.message())
        .startsWith(
            "Deployment shop/api: container \"api\" uses image \"ghcr.io/acme/api:latest\" (tag"
                + " latest). ");
  }

  @Test
  void deniesCronJob_throughItsJobTemplate() {
    Decision decision = policy.review(ReviewFixtures.load("cronjob-create-implicit-latest.json"));

    assertThat(((Decision.Deny) decision).message())
        .startsWith(
            "CronJob reports/nightly-report: container \"report\" uses image \"python\" (no tag"
                + " means latest).");
  }

  @Test
  void judgesOnlyTheNewEphemeralContainer_whenDebuggingAPodAdmittedEarlier() {
    Decision decision = policy.review(ReviewFixtures.load("pod-update-ephemeral-container.json"));

    assertThat(((Decision.Deny) decision).message())
        .startsWith(
            "Pod shop/legacy: ephemeralContainer \"debugger\" uses image \"busybox\" (no tag means"
                + " latest).")
        .doesNotContain("acme/legacy");
  }

  @Test
  void allowsUpdate_thatKeepsTheExistingImages() {
    var update = ReviewFixtures.load("pod-update-ephemeral-container.json");
    var unchanged = update.withObject(update.oldObject());

    assertThat(policy.review(unchanged)).isEqualTo(Decision.allow());
  }

  @Test
  void allowsDelete_evenOfAnObjectUsingLatest() {
    assertThat(policy.review(ReviewFixtures.load("pod-delete.json"))).isEqualTo(Decision.allow());
  }

  @Test
  void allowsExemptNamespaces() {
    var exempting = new LatestTagPolicy(new DenyLatestConfig(List.of("shop"), Optional.empty()));

    assertThat(exempting.review(ReviewFixtures.load("pod-create-implicit-latest.json")))
        .isEqualTo(Decision.allow());
  }

  @Test
  void appendsTheConfiguredMessage_toEveryDenial() {
    var withPolicyLink =
        new LatestTagPolicy(
            new DenyLatestConfig(List.of(), Optional.of("See https://wiki.example/images.")));

    Decision decision =
        withPolicyLink.review(ReviewFixtures.load("cronjob-create-implicit-latest.json"));

    assertThat(((Decision.Deny) decision).message())
        .endsWith("(nginx@sha256:...). See https://wiki.example/images.");
  }

  @Test
  void allowsWithAWarning_anImageThatIsNotAValidReference() {
    var review = ReviewFixtures.load("pod-create-pinned.json");
    var object = review.object().orElseThrow().deepCopy();
    ((ObjectNode) object.path("spec").path("containers").get(0)).put("image", "Acme/App:1.0");

    Decision decision = policy.review(review.withObject(Optional.of(object)));

    assertThat(decision)
        .isEqualTo(
            Decision.allow()
                .withWarning(
                    "container \"web\": invalid image reference \"Acme/App:1.0\": "
                        + invalidReason("Acme/App:1.0")));
  }

  private static String invalidReason(String image) {
    try {
      ImageReference.parse(image);
      throw new AssertionError(image + " parsed");
    } catch (InvalidReferenceException e) {
      return e.reason();
    }
  }

  @Test
  void ignoresKindsWithoutPodSpec() {
    var review = ReviewFixtures.load("pod-create-implicit-latest.json");
    var configMap =
        new dev.harbormaster.spi.Review(
            review.uid(),
            review.operation(),
            new GroupVersionKind("", "v1", "ConfigMap"),
            review.resource(),
            review.subResource(),
            review.namespace(),
            review.name(),
            review.userInfo(),
            review.dryRun(),
            review.object(),
            review.oldObject());

    assertThat(policy.review(configMap)).isEqualTo(Decision.allow());
  }
}
