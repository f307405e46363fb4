package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.docs.reference.sample.SampleConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultCellTest {
  private static final ConfigTree TREE = ConfigTree.of(SampleConfig.class);

  @Test
  void scalarsAreYamlInBackticks_durationsInGoForm() {
    assertThat(cell("port", value(8080))).isEqualTo("`8080`");
    assertThat(cell("timeout", value(Duration.ofMillis(90_500)))).isEqualTo("`1m30.5s`");
    assertThat(cell("renamed", value(""))).isEqualTo("`\"\"`");
    assertThat(cell("color", value(SampleConfig.Color.BLUE))).isEqualTo("`BLUE`");
  }

  @Test
  void collectionsInFlowStyle() {
    assertThat(cell("tags", value(List.of()))).isEqualTo("`[]`");
    assertThat(cell("tags", value(List.of("b", "a")))).isEqualTo("`[b, a]`");
    assertThat(cell("tags", value(java.util.Set.of("b", "c", "a")))).isEqualTo("`[a, b, c]`");
    assertThat(cell("labels", value(Map.of("b", "2", "a", "1")))).isEqualTo("`{a: 1, b: 2}`");
  }

  @Test
  void emptyOptionalIsNotSet_requiredIsBold() {
    assertThat(cell("note", value(Optional.empty()))).isEqualTo("not set");
    assertThat(cell("note", value(Optional.of("hi")))).isEqualTo("`hi`");
    assertThat(cell("name", new DefaultProbe.Default.Required())).isEqualTo("**required**");
  }

  @Test
  void aRecordEqualToAnEmptyMapping_hasEachFieldsDefault() {
    assertThat(cell("limits", value(new SampleConfig.Limits(null))))
        .isEqualTo("each field's default");
    assertThat(cell("limits", value(new SampleConfig.Limits(9))))
        .isEqualTo(DefaultCell.SEE_DESCRIPTION);
  }

  @Test
  void aCustomValue_isShownAsTheJavadocLiteralThatBindsToIt() {
    assertThat(cell("spread", value(SampleConfig.Spread.EVERYWHERE))).isEqualTo("`everywhere`");
    assertThat(cell("spread", value(new SampleConfig.Spread(List.of("z1")))))
        .isEqualTo(DefaultCell.SEE_DESCRIPTION);
  }

  private static String cell(String path, DefaultProbe.Default value) {
    ConfigField field =
        TREE.fields().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    String javadoc =
        new SourceJavadoc(List.of(Repository.root().resolve("docs-tests/src/test/java")))
            .of(field.owner())
            .param(field.component().getName())
            .orElse("");
    return DefaultCell.render(field, value, javadoc);
  }

  private static DefaultProbe.Default value(Object value) {
    return new DefaultProbe.Default.Value(value);
  }
}
