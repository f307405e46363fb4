package dev.harbormaster.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
  @Test
  void emptySelector_selectsEverything() {
    assertThat(LabelSelector.EVERYTHING.isEmpty()).isTrue();
    assertThat(LabelSelector.EVERYTHING.matches(Map.of())).isTrue();
  }

  @Test
  void matchLabelsAndExpressions_areAnded() {
    LabelSelector selector =
        new LabelSelector(
            Map.of("tier", "web"),
            List.of(
                new LabelRequirement("env", "In", List.of("prod", "staging")),
                new LabelRequirement("opt-out", "DoesNotExist", null)));

    assertThat(selector.matches(Map.of("tier", "web", "env", "prod"))).isTrue();
    assertThat(selector.matches(Map.of("tier", "db", "env", "prod"))).isFalse();
    assertThat(selector.matches(Map.of("tier", "web", "env", "dev"))).isFalse();
    assertThat(selector.matches(Map.of("tier", "web", "env", "prod", "opt-out", ""))).isFalse();
  }
}
