package dev.harbormaster.plugin.imagerewriter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.reference.ImageReference;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleSetTest {

  private static Rule rule(
      String name, Optional<String> match, Optional<String> regex, List<String> exclude, String m) {
    return new RuleConfig(
            Optional.of(name),
            match,
            regex,
            exclude,
            List.of(),
            m,
            Optional.empty(),
            false,
            List.of())
        .toRule(0);
  }

  private final RuleSet rules =
      new RuleSet(
          List.of(
              rule(
                  "hub",
                  Optional.of("docker.io"),
                  Optional.empty(),
                  List.of("docker.io/library/busybox"),
                  "a.local/hub"),
              rule(
                  "bitnami",
                  Optional.empty(),
                  Optional.of("docker\\.io/bitnami/.*"),
                  List.of(),
                  "b.local/bitnami"),
              rule(
                  "fallback",
                  Optional.of("docker.io"),
                  Optional.empty(),
                  List.of(),
                  "c.local/hub")));

  @Test
  void candidatesFollowRuleOrder_firstMatchFirst() {
    List<Candidate> candidates = rules.candidates(ImageReference.parse("bitnami/redis:7"));

    assertThat(candidates)
        .extracting(c -> c.rule().name() + " " + ((Candidate.Target) c).text())
        .containsExactly(
            "hub a.local/hub/bitnami/redis:7",
            "bitnami b.local/bitnami/bitnami/redis:7",
            "fallback c.local/hub/bitnami/redis:7");
  }

  @Test
  void excludedImage_skipsThatRuleOnly() {
    assertThat(rules.candidates(ImageReference.parse("busybox:1.36")))
        .extracting(c -> c.rule().name())
        .containsExactly("fallback");
  }

  @Test
  void regexIsAnchoredOnTheNormalisedName() {
    assertThat(rules.candidates(ImageReference.parse("x.docker.io/bitnami/redis"))).isEmpty();
  }

  @Test
  void imageBelowAnyMirror_isAlreadyMirrored() {
    assertThat(rules.mirroredBy(ImageReference.parse("c.local/hub/library/nginx")))
        .map(Rule::name)
        .contains("fallback");
    assertThat(rules.mirroredBy(ImageReference.parse("nginx"))).isEmpty();
  }

  @Test
  void tooLongTarget_isAnUnusableCandidate() {
    RuleSet set =
        new RuleSet(
            List.of(
                rule(
                    "long",
                    Optional.of("docker.io"),
                    Optional.empty(),
                    List.of(),
                    "m.local/" + "x".repeat(230))));

    assertThat(set.candidates(ImageReference.parse("acme/" + "y".repeat(30))))
        .singleElement()
        .isInstanceOfSatisfying(
            Candidate.Unusable.class, u -> assertThat(u.reason()).contains("255"));
  }
}
