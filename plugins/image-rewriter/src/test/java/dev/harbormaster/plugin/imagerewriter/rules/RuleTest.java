package dev.harbormaster.plugin.imagerewriter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.reference.ImageReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference table of {@code notes/image-references.md} through the rules of issue 4: Docker Hub
 * to a Harbor proxy project, a quay.io prefix to its own mirror.
 */
class RuleTest {
  private static final String D =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  static Rule rule(String match, String mirror, String layout) {
    return new RuleConfig(
            Optional.empty(),
            Optional.of(match),
            Optional.empty(),
            List.of(),
            List.of(),
            mirror,
            Optional.of(layout),
            false,
            List.of())
        .toRule(0);
  }

  private static final Rule HUB = rule("docker.io", "harbor.example.com/dockerhub-proxy", "nested");
  private static final Rule QUAY =
      rule("quay.io/prometheus", "registry.local/quay-prometheus", "nested");

  private static String rewrite(Rule rule, String image) {
    ImageReference ref = ImageReference.parse(image);
    assertThat(rule.takes(ref)).as("%s takes %s", rule.match(), image).isTrue();
    return new Candidate.Target(rule, rule.target(ref)).text();
  }

  @ParameterizedTest
  @CsvSource({
    "nginx, harbor.example.com/dockerhub-proxy/library/nginx",
    "nginx:1.27, harbor.example.com/dockerhub-proxy/library/nginx:1.27",
    "library/nginx:1.27, harbor.example.com/dockerhub-proxy/library/nginx:1.27",
    "docker.io/nginx, harbor.example.com/dockerhub-proxy/library/nginx",
    "index.docker.io/library/nginx:1, harbor.example.com/dockerhub-proxy/library/nginx:1",
    "registry-1.docker.io/bitnami/redis:7, harbor.example.com/dockerhub-proxy/bitnami/redis:7",
    "registry/app, harbor.example.com/dockerhub-proxy/registry/app",
    "bitnami/redis:latest, harbor.example.com/dockerhub-proxy/bitnami/redis:latest",
  })
  void rewritesDockerHubNames_toMirrorProject_withLibraryWrittenOut(String image, String expected) {
    assertThat(rewrite(HUB, image)).isEqualTo(expected);
  }

  @Test
  void keepsDigest_andTagAtDigestWhole() {
    assertThat(rewrite(HUB, "nginx@" + D))
        .isEqualTo("harbor.example.com/dockerhub-proxy/library/nginx@" + D);
    assertThat(rewrite(HUB, "nginx:1.27@" + D))
        .isEqualTo("harbor.example.com/dockerhub-proxy/library/nginx:1.27@" + D);
  }

  @Test
  void rewritesQuayPrefix_belowItsMirror() {
    assertThat(rewrite(QUAY, "quay.io/prometheus/node-exporter:v1.8.0"))
        .isEqualTo("registry.local/quay-prometheus/node-exporter:v1.8.0");
    assertThat(rewrite(QUAY, "quay.io/prometheus/sub/x:1"))
        .isEqualTo("registry.local/quay-prometheus/sub/x:1");
  }

  @Test
  void matchesAtSegmentBoundariesOnly() {
    Rule foo = rule("quay.io/acme/foo", "m.local/foo", "nested");
    assertThat(foo.takes(ImageReference.parse("quay.io/acme/foo"))).isTrue();
    assertThat(foo.takes(ImageReference.parse("quay.io/acme/foo/bar"))).isTrue();
    assertThat(foo.takes(ImageReference.parse("quay.io/acme/foo-bar"))).isFalse();
    assertThat(QUAY.takes(ImageReference.parse("quay.io/prometheus-community/x"))).isFalse();
    assertThat(HUB.takes(ImageReference.parse("quay.io/nginx"))).isFalse();
  }

  @Test
  void exactPrefixMatch_rewritesToTheMirrorItself() {
    Rule exact = rule("quay.io/acme/foo", "m.local/foo-mirror", "nested");
    assertThat(rewrite(exact, "quay.io/acme/foo:2")).isEqualTo("m.local/foo-mirror:2");
  }

  @Test
  void repositoryLayout_keepsTheWholePath() {
    Rule r = rule("quay.io/prometheus", "m.local/quay", "repository");
    assertThat(rewrite(r, "quay.io/prometheus/node-exporter:v1"))
        .isEqualTo("m.local/quay/prometheus/node-exporter:v1");
  }

  @Test
  void hostInPathLayout_encodesThePort_soUpstreamsNeverCollide() {
    Rule any = rule("registry.example:5000", "m.local/up", "host-in-path");
    Rule other = rule("registry.example-5000", "m.local/up", "host-in-path");
    assertThat(rewrite(any, "registry.example:5000/team/app:1"))
        .isEqualTo("m.local/up/registry.example__5000/team/app:1");
    assertThat(rewrite(other, "registry.example-5000/team/app:1"))
        .isEqualTo("m.local/up/registry.example-5000/team/app:1");
    assertThat(rewrite(rule("docker.io", "m.local/up", "host-in-path"), "nginx"))
        .isEqualTo("m.local/up/docker.io/library/nginx");
  }

  @Test
  void rewrittenNameLongerThan255_isRefused() {
    Rule r = rule("docker.io", "m.local/" + "p".repeat(200), "nested");
    ImageReference longName = ImageReference.parse("acme/" + "a".repeat(60) + ":1");

    assertThatThrownBy(() -> r.target(longName))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the limit is 255");
  }

  @Test
  void mirrors_recognisesImagesAlreadyBelowTheMirror() {
    assertThat(
            HUB.mirrors(ImageReference.parse("harbor.example.com/dockerhub-proxy/library/nginx")))
        .isTrue();
    assertThat(HUB.mirrors(ImageReference.parse("harbor.example.com/dockerhub-proxy2/x")))
        .isFalse();
  }
}
