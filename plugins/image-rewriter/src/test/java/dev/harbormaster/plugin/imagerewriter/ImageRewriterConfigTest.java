package dev.harbormaster.plugin.imagerewriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.plugin.imagerewriter.rules.MirrorLayout;
import dev.harbormaster.spi.ConfigProblem;
import dev.harbormaster.spi.config.ConfigBindingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Binds the fixtures in {@code config/} exactly as the host binds an instance's config block. */
class ImageRewriterConfigTest {

  @Test
  void issueExample_bindsWithDefaults() {
    ImageRewriterConfig config = ReviewFixtures.config("minimal.yaml");

    assertThat(config.problems()).isEmpty();
    assertThat(config.effectiveMode()).isEqualTo(Mode.REWRITE);
    assertThat(config.rewriteTemplates()).isFalse();
    assertThat(config.checksAvailability()).isFalse();
    assertThat(config.availability()).isEqualTo(AvailabilityConfig.defaults());
    assertThat(config.availability().timeBudget()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.ruleSet().rules())
        .extracting(r -> r.name() + " " + r.match() + " -> " + r.mirror() + " " + r.layout())
        .containsExactly(
            "rules[0] docker.io -> harbor.example.com/dockerhub-proxy NESTED",
            "rules[1] quay.io/prometheus -> registry.local/quay-prometheus NESTED");
  }

  @Test
  void everyField_binds() {
    ImageRewriterConfig config = ReviewFixtures.config("full.yaml");

    assertThat(config.problems()).isEmpty();
    assertThat(config.effectiveMode()).isEqualTo(Mode.ONLY_MIRRORED);
    assertThat(config.rewriteTemplates()).isTrue();
    assertThat(config.imagePullPolicy()).contains("IfNotPresent");
    assertThat(config.imagePullSecrets()).containsExactly("mirror-pull");
    assertThat(config.checksAvailability()).isTrue();
    var hub = config.ruleSet().rules().get(0);
    assertThat(hub.platforms())
        .extracting(Object::toString)
        .containsExactly("linux/amd64", "linux/arm64");
    assertThat(hub.excludes())
        .extracting(Object::toString)
        .containsExactly("docker.io/library/busybox");
    var other = config.ruleSet().rules().get(1);
    assertThat(other.match()).hasToString("regex:(quay|ghcr)\\.io/.*");
    assertThat(other.layout()).isEqualTo(MirrorLayout.HOST_IN_PATH);
    AvailabilityConfig a = config.availability();
    assertThat(a.timeBudget()).isEqualTo(Duration.ofMillis(800));
    assertThat(a.requestTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(a.positiveTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(a.negativeTtl()).isEqualTo(Duration.ofSeconds(15));
    assertThat(a.maxCacheEntries()).isEqualTo(500);
    assertThat(a.insecureRegistries()).containsExactly("registry.local:5000");
    assertThat(a.caFile()).contains("mirror-ca.pem");
  }

  @Test
  void misspelledField_failsWithItsPath() {
    assertThatThrownBy(() -> ReviewFixtures.config("typo.yaml"))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageContaining("unknown field 'exlude'")
        .hasMessageContaining("rules[0]");
  }

  @Test
  void ruleWithoutMirror_failsNamingTheField() {
    assertThatThrownBy(() -> ReviewFixtures.config("no-mirror.yaml"))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessage("rules[0]: mirror: is required, e.g. harbor.example.com/dockerhub-proxy");
  }

  @Test
  void badRegex_failsWithTheRuleAndTheExpression() {
    assertThatThrownBy(() -> ReviewFixtures.config("bad-regex.yaml"))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageContaining("rules[1]")
        .hasMessageContaining("regex: 'quay\\.io/(unclosed' is not a valid regular expression");
  }

  @Test
  void badValues_areProblemsAtTheirPaths() {
    assertThat(ReviewFixtures.config("bad-values.yaml").problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "rules[1].name: 'same' names an earlier rule too; names must be unique",
            "mode: mode: 'deny-everything' is unknown; use one of rewrite, only-mirrored",
            "imagePullPolicy: 'Sometimes' is not a pull policy; use Always, IfNotPresent or Never",
            "imagePullSecrets[0]: 'Bad_Name' is not a Secret name (a lower-case DNS-1123"
                + " subdomain)");
  }

  @Test
  void noRules_isAProblem() {
    assertThat(ReviewFixtures.config("empty.yaml").problems())
        .extracting(ConfigProblem::path)
        .containsExactly("rules");
  }

  @Test
  void nonPositiveDurations_areRefused() {
    assertThatThrownBy(
            () -> new AvailabilityConfig(Duration.ZERO, null, null, null, null, null, null))
        .hasMessage("timeBudget must be positive, got PT0S");
    assertThatThrownBy(() -> new AvailabilityConfig(null, null, null, null, 0, null, null))
        .hasMessage("maxCacheEntries must be at least 1, got 0");
  }
}
