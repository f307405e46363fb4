package dev.harbormaster.plugin.denylatest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.spi.ConfigProblem;
import dev.harbormaster.spi.config.ConfigBinder;
import dev.harbormaster.spi.config.ConfigBindingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Binds the fixtures in {@code config/} exactly as the host binds an instance's config block. */
class DenyLatestConfigTest {

  private static DenyLatestConfig bind(String fixture) throws IOException {
    return ConfigBinder.bind(read(fixture), DenyLatestConfig.class);
  }

  private static JsonNode read(String fixture) throws IOException {
    try (InputStream in = DenyLatestConfigTest.class.getResourceAsStream("/config/" + fixture)) {
      return YAMLMapper.shared().readTree(in);
    }
  }

  @Test
  void emptyObject_bindsToDefaults() throws IOException {
    assertThat(bind("empty.yaml")).isEqualTo(DenyLatestConfig.defaults());
    assertThat(ConfigBinder.bind(null, DenyLatestConfig.class))
        .isEqualTo(DenyLatestConfig.defaults());
  }

  @Test
  void bindsExemptNamespacesAndMessage() throws IOException {
    DenyLatestConfig config = bind("full.yaml");

    assertThat(config.exemptNamespaces()).containsExactly("kube-system", "monitoring");
    assertThat(config.message()).contains("See https://wiki.example/images.");
    assertThat(config.exempts("monitoring")).isTrue();
    assertThat(config.exempts("shop")).isFalse();
    assertThat(config.problems()).isEmpty();
  }

  @Test
  void misspelledField_failsWithItsName() {
    assertThatThrownBy(() -> bind("typo.yaml"))
        .isInstanceOf(ConfigBindingException.class)
        .hasMessageContaining("unknown field 'exemptNamespace'")
        .hasMessageContaining("exemptNamespaces");
  }

  @Test
  void namespaceThatCannotExist_isAProblemAtItsIndex() throws IOException {
    assertThat(bind("bad-namespace.yaml").problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("exemptNamespaces[1]");
              assertThat(problem.message()).startsWith("'Kube_System' is not a namespace name");
            });
  }

  @Test
  void blankMessage_meansNoMessage() {
    assertThat(new DenyLatestConfig(List.of(), Optional.of("  ")).message()).isEmpty();
    assertThat(new DenyLatestConfig(null, null)).isEqualTo(DenyLatestConfig.defaults());
  }

  @Test
  void problems_areEmptyForDefaults() {
    assertThat(DenyLatestConfig.defaults().problems()).isEqualTo(List.<ConfigProblem>of());
  }
}
