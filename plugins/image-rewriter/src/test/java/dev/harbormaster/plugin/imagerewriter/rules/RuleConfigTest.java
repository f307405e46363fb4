package dev.harbormaster.plugin.imagerewriter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleConfigTest {

  private static RuleConfig config(
      Optional<String> match, Optional<String> regex, String mirror, Optional<String> layout) {
    return new RuleConfig(Optional.empty(), match, regex, null, null, mirror, layout, null, null);
  }

  @Test
  void defaults_nestedLayout_noCheck_nameFromIndex() {
    Rule rule =
        config(Optional.of("docker.io"), Optional.empty(), "h.example.com/p", Optional.empty())
            .toRule(3);

    assertThat(rule.name()).isEqualTo("rules[3]");
    assertThat(rule.layout()).isEqualTo(MirrorLayout.NESTED);
    assertThat(rule.checkAvailability()).isFalse();
    assertThat(rule.mirror()).hasToString("h.example.com/p");
  }

  @Test
  void needsExactlyOneOfMatchAndRegex() {
    assertThatThrownBy(() -> config(Optional.empty(), Optional.empty(), "h.io/p", Optional.empty()))
        .hasMessageContaining("exactly one of 'match'");
    assertThatThrownBy(
            () -> config(Optional.of("docker.io"), Optional.of(".*"), "h.io/p", Optional.empty()))
        .hasMessageContaining("exactly one of 'match'");
  }

  @Test
  void badValues_nameTheFieldAndValue() {
    assertThatThrownBy(
            () ->
                config(Optional.empty(), Optional.of("docker.io/(bad"), "h.io/p", Optional.empty()))
        .hasMessageStartingWith("regex: 'docker.io/(bad' is not a valid regular expression");
    assertThatThrownBy(
            () -> config(Optional.of("docker.io"), Optional.empty(), "mirror/p", Optional.empty()))
        .hasMessageStartingWith("mirror: 'mirror/p' must start with a registry host");
    assertThatThrownBy(
            () ->
                config(Optional.of("docker.io"), Optional.empty(), "h.io/p", Optional.of("flat2")))
        .hasMessageStartingWith(
            "layout: layout 'flat2' is unknown; use one of nested, repository," + " host-in-path");
    assertThatThrownBy(
            () ->
                config(Optional.of("Quay.io/UPPER"), Optional.empty(), "h.io/p", Optional.empty()))
        .hasMessageStartingWith("match: 'Quay.io/UPPER' is not a registry or registry/path prefix");
  }

  @Test
  void platformsWithoutCheck_areRefused() {
    assertThatThrownBy(
            () ->
                new RuleConfig(
                    Optional.empty(),
                    Optional.of("docker.io"),
                    Optional.empty(),
                    null,
                    null,
                    "h.io/p",
                    Optional.empty(),
                    false,
                    List.of("linux/amd64")))
        .hasMessageContaining("only checked with 'checkAvailability: true'");
  }

  @Test
  void badPlatform_isNamedWithItsIndex() {
    assertThatThrownBy(
            () ->
                new RuleConfig(
                    Optional.empty(),
                    Optional.of("docker.io"),
                    Optional.empty(),
                    null,
                    null,
                    "h.io/p",
                    Optional.empty(),
                    true,
                    List.of("linux/amd64", "arm64")))
        .hasMessageStartingWith("platforms[1]: invalid platform \"arm64\"");
  }
}
