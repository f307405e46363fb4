package dev.harbormaster.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelRequirementTest {
  @Test
  void operatorsFollowKubernetesSemantics() {
    Map<String, String> labels = Map.of("env", "prod");
    assertThat(new LabelRequirement("env", "In", List.of("prod")).matches(labels)).isTrue();
    assertThat(new LabelRequirement("env", "NotIn", List.of("prod")).matches(labels)).isFalse();
    assertThat(new LabelRequirement("zone", "NotIn", List.of("a")).matches(labels))
        .as("NotIn matches when the label is absent")
        .isTrue();
    assertThat(new LabelRequirement("env", "Exists", null).matches(labels)).isTrue();
    assertThat(new LabelRequirement("env", "DoesNotExist", null).matches(labels)).isFalse();
  }

  @Test
  void invalidRequirements_areRefused() {
    assertThatThrownBy(() -> new LabelRequirement("k", "Exists", List.of("v")))
        .hasMessageContaining("takes no values");
    assertThatThrownBy(() -> new LabelRequirement("k", "NotIn", List.of()))
        .hasMessageContaining("needs values");
    assertThatThrownBy(() -> new LabelRequirement("k", "Equals", List.of("v")))
        .hasMessageContaining("unknown operator 'Equals'");
    assertThatThrownBy(() -> new LabelRequirement(null, "Exists", null))
        .hasMessageContaining("key is required");
  }
}
