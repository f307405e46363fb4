package dev.harbormaster.plugin.imagerewriter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.config.ConfigBinder;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Handler behaviour beyond the golden fixtures: modes, options, kinds and operations. */
class ImageRewriterTest {

  private static ImageRewriter rewriter(String extraYaml) {
    String yaml =
        """
        rules:
          - match: docker.io
            mirror: harbor.example.com/dockerhub-proxy
        """
            + extraYaml;
    return Rewriters.withoutChecks(
        ConfigBinder.bind(YAMLMapper.shared().readTree(yaml), ImageRewriterConfig.class));
  }

  private static Review pod(String... images) {
    Review review = ReviewFixtures.load("pod-template.json");
    var containers =
        ((ObjectNode) review.object().orElseThrow().get("spec")).putArray("containers");
    for (int i = 0; i < images.length; i++) {
      containers.addObject().put("name", "c" + i).put("image", images[i]);
    }
    return review;
  }

  private static String at(Review review, String pointer) {
    return review.object().orElseThrow().at(pointer).toString();
  }

  @Test
  void onlyMirrored_deniesInvalidAndUnmatchedImages_listingEach() throws Exception {
    Review review = pod("nginx:1", "Bad:1", "gcr.io/x/y:1");

    Decision decision = rewriter("mode: only-mirrored\n").review(review);

    assertThat(decision)
        .isInstanceOfSatisfying(
            Decision.Deny.class,
            d -> {
              assertThat(d.code()).isEqualTo(403);
              assertThat(d.message())
                  .isEqualTo(
                      "Pod shop/checked: only mirrored images are allowed, and no mirror serves"
                          + " container \"c1\" image \"Bad:1\" (invalid reference);"
                          + " container \"c2\" image \"gcr.io/x/y:1\" (no rule matches)");
            });
    assertThat(decision.warnings())
        .singleElement()
        .asString()
        .startsWith("container \"c1\": invalid");
  }

  @Test
  void onlyMirrored_allowsWhenEveryImageIsServed() throws Exception {
    Review review = pod("nginx:1", "harbor.example.com/dockerhub-proxy/library/redis:7");

    assertThat(rewriter("mode: only-mirrored\n").review(review)).isInstanceOf(Decision.Allow.class);
  }

  @Test
  void pullPolicyAndSecrets_areSetOnlyWithARewrite() throws Exception {
    ImageRewriter rewriter =
        rewriter("imagePullPolicy: IfNotPresent\nimagePullSecrets: [mirror-pull, other]\n");
    Review review = pod("nginx:1", "gcr.io/x/y:1");
    ((ObjectNode) review.object().orElseThrow().get("spec"))
        .putArray("imagePullSecrets")
        .addObject()
        .put("name", "other");

    rewriter.review(review);

    assertThat(at(review, "/spec/containers/0/imagePullPolicy")).isEqualTo("\"IfNotPresent\"");
    assertThat(review.object().orElseThrow().at("/spec/containers/1").has("imagePullPolicy"))
        .isFalse();
    assertThat(at(review, "/spec/imagePullSecrets"))
        .isEqualTo("[{\"name\":\"other\"},{\"name\":\"mirror-pull\"}]");

    Review untouched = pod("gcr.io/x/y:1");
    rewriter.review(untouched);
    assertThat(untouched.object().orElseThrow().path("spec").has("imagePullSecrets")).isFalse();
  }

  @Test
  void workloads_areLeftAloneUnlessTemplatesAreEnabled() throws Exception {
    Review deployment = ReviewFixtures.load("deployment-create.json");
    ObjectNode before = deployment.object().orElseThrow().deepCopy();

    rewriter("").review(deployment);

    assertThat(deployment.object().orElseThrow()).isEqualTo(before);
  }

  @Test
  void deleteAndOtherKinds_areAllowedUntouched() throws Exception {
    Review review = pod("nginx");
    Review delete =
        new Review(
            review.uid(),
            Operation.DELETE,
            review.kind(),
            review.resource(),
            Optional.empty(),
            review.namespace(),
            review.name(),
            review.userInfo(),
            false,
            Optional.empty(),
            review.object());

    assertThat(rewriter("").review(delete)).isEqualTo(Decision.allow());
  }

  @Test
  void malformedOriginalImagesAnnotation_isReplacedWithAWarning() throws Exception {
    Review review = pod("nginx:1");
    ((ObjectNode) review.object().orElseThrow().get("metadata"))
        .putObject("annotations")
        .put("harbormaster.dev/original-images", "garbage");

    Decision decision = rewriter("").review(review);

    assertThat(at(review, "/metadata/annotations/harbormaster.dev~1original-images"))
        .isEqualTo("\"{\\\"c0\\\":\\\"nginx:1\\\"}\"");
    assertThat(decision.warnings())
        .containsExactly(
            "annotation harbormaster.dev/original-images is not a JSON object of strings; it is"
                + " replaced");
  }

  @Test
  void requestDryRun_stillComputesThePatch() throws Exception {
    Review review = pod("nginx:1");
    Review dryRun =
        new Review(
            review.uid(),
            review.operation(),
            review.kind(),
            review.resource(),
            review.subResource(),
            review.namespace(),
            review.name(),
            review.userInfo(),
            true,
            review.object(),
            review.oldObject());

    Decision decision = rewriter("").review(dryRun);

    assertThat(at(dryRun, "/spec/containers/0/image"))
        .isEqualTo("\"harbor.example.com/dockerhub-proxy/library/nginx:1\"");
    assertThat(decision.auditAnnotations())
        .containsEntry(
            "rewritten-images", "{\"c0\":\"harbor.example.com/dockerhub-proxy/library/nginx:1\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nested", "repository", "host-in-path"})
  void rewriteOfARewrite_isTheRewrite_inEveryLayout(String layout) throws Exception {
    String yaml =
        """
        rules:
          - match: docker.io
            mirror: harbor.example.com/hub
            layout: %s
          - match: quay.io
            mirror: registry.local:5000/quay
            layout: %s
          - regex: '.*'
            mirror: catch-all.example.com/all
            layout: %s
        """
            .formatted(layout, layout, layout);
    ImageRewriter rewriter =
        Rewriters.withoutChecks(
            ConfigBinder.bind(YAMLMapper.shared().readTree(yaml), ImageRewriterConfig.class));
    Review review =
        pod(
            "nginx",
            "library/nginx:1.27",
            "bitnami/redis:7@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "quay.io/prometheus/node-exporter:v1.8.0",
            "registry.example:5000/team/app:1",
            "ghcr.io/acme/app");

    rewriter.review(review);
    ObjectNode once = review.object().orElseThrow().deepCopy();
    Decision again = rewriter.review(review);

    assertThat(review.object().orElseThrow()).isEqualTo(once);
    assertThat(again.auditAnnotations()).isEmpty();
    assertThat(once.at("/spec/containers/0/image").asString()).isNotEqualTo("nginx");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"localhost/app:1", "localhost:5000/app:1", "127.0.0.1:5000/app", "[::1]:5000/app"})
  void loopbackAndLocalImages_areLeftAloneSilently(String image) throws Exception {
    ImageRewriter rewriter =
        Rewriters.withoutChecks(
            ConfigBinder.bind(
                YAMLMapper.shared().readTree("rules: [{regex: '.*', mirror: m.example.com/all}]"),
                ImageRewriterConfig.class));
    Review review = pod(image);

    Decision decision = rewriter.review(review);

    assertThat(review.object().orElseThrow().at("/spec/containers/0/image").asString())
        .isEqualTo(image);
    assertThat(decision).isEqualTo(Decision.allow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " nginx", "Nginx:1", "nginx:", "nginx@sha256:abc", "a//b"})
  void invalidReferences_areKept_withAWarningNamingTheContainer(String image) throws Exception {
    Review review = pod(image);

    Decision decision = rewriter("").review(review);

    assertThat(review.object().orElseThrow().at("/spec/containers/0/image").asString())
        .isEqualTo(image);
    assertThat(decision.warnings())
        .singleElement()
        .asString()
        .startsWith("container \"c0\": invalid image reference \"" + image + "\": ")
        .endsWith("; left unchanged");
  }
}
