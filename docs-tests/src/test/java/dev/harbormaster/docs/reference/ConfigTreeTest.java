package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.docs.reference.sample.SampleConfig;
import org.junit.jupiter.api.Test;

class ConfigTreeTest {
  private final ConfigTree tree = ConfigTree.of(SampleConfig.class);

  @Test
  void oneSectionPerReachableRecord_rootFirst_listsMarkedWithBrackets() {
    assertThat(tree.sections())
        .extracting(ConfigSection::path)
        .containsExactly("", "limits", "targets[]");
    assertThat(tree.section("targets[]").orElseThrow().type()).isEqualTo(SampleConfig.Target.class);
  }

  @Test
  void fieldsHaveTheirFullYamlPath() {
    assertThat(tree.fields())
        .extracting(ConfigField::path)
        .contains("name", "limits.max", "targets[].host", "targets[].weight");
  }

  @Test
  void jsonPropertyRenamesAField_andJsonAliasAddsNames() {
    ConfigField renamed =
        tree.fields().stream()
            .filter(f -> f.component().getName().equals("renamedField"))
            .findFirst()
            .orElseThrow();

    assertThat(renamed.name()).isEqualTo("renamed");
    assertThat(renamed.aliases()).containsExactly("oldName");
  }

  @Test
  void describesEachShape() {
    assertThat(typeOf("port")).isEqualTo("integer");
    assertThat(typeOf("timeout")).startsWith("duration");
    assertThat(typeOf("color")).isEqualTo("one of `RED`, `BLUE`");
    assertThat(typeOf("tags")).isEqualTo("list of string");
    assertThat(typeOf("labels")).isEqualTo("map of string to string");
    assertThat(typeOf("note")).isEqualTo("string");
    assertThat(typeOf("spread")).isEqualTo("value (see description)");
  }

  private String typeOf(String path) {
    return tree.fields().stream()
        .filter(f -> f.path().equals(path))
        .findFirst()
        .orElseThrow()
        .type()
        .describe();
  }
}
