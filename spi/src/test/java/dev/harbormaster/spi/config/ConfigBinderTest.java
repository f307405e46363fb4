package dev.harbormaster.spi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class ConfigBinderTest {
  record Rule(String match, String mirror) {
    Rule {
      if (match == null || match.isBlank()) {
        throw new IllegalArgumentException("match must not be empty, got '" + match + "'");
      }
    }
  }

  record Config(List<Rule> rules, Duration ttl) {}

  private static JsonNode yaml(String text) {
    return YAMLMapper.shared().readTree(text);
  }

  @Test
  void bindsRecordsListsAndGoDurations() {
    Config config =
        ConfigBinder.bind(yaml("rules: [{match: docker.io, mirror: m}]\nttl: 30s\n"), Config.class);
    assertThat(config.rules()).containsExactly(new Rule("docker.io", "m"));
    assertThat(config.ttl()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void unknownField_failsWithItsPathAndTheKnownFields() {
    assertThatThrownBy(
            () -> ConfigBinder.bind(yaml("rules: [{match: a, mirorr: m}]\n"), Config.class))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageContaining("rules[0].mirorr")
        .hasMessageContaining("unknown field 'mirorr'")
        .hasMessageContaining("mirror");
  }

  @Test
  void typoNextToAMissingRequiredField_namesTheTypo_notTheConstructorsComplaint() {
    assertThatThrownBy(
            () -> ConfigBinder.bind(yaml("rules: [{mtach: docker.io, mirror: m}]\n"), Config.class))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageStartingWith("rules[0].mtach")
        .hasMessageContaining("unknown field 'mtach'")
        .hasMessageContaining("[match, mirror]")
        .hasMessageNotContaining("must not be empty");
  }

  @Test
  void constructorValidation_failsWithThePathAndThePluginsMessage() {
    assertThatThrownBy(() -> ConfigBinder.bind(yaml("rules: [{match: ''}]\n"), Config.class))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageStartingWith("rules[0]")
        .hasMessageContaining("match must not be empty");
  }

  @Test
  void badDuration_failsWithThePathAndTheValue() {
    assertThatThrownBy(() -> ConfigBinder.bind(yaml("ttl: 5 minutes\n"), Config.class))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageContaining("ttl")
        .hasMessageContaining("'5 minutes'");
  }

  @Test
  void missingBlock_bindsAnEmptyObject() {
    assertThat(ConfigBinder.bind(null, Config.class)).isEqualTo(new Config(null, null));
  }
}
