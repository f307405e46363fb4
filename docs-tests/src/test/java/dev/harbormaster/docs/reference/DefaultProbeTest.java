package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.docs.reference.sample.SampleConfig;
import dev.harbormaster.spi.config.ConfigBinder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

class DefaultProbeTest {
  private static final ConfigTree TREE = ConfigTree.of(SampleConfig.class);
  private static final ExampleBinder BINDER =
      (tree, file) -> ConfigBinder.bind(tree, SampleConfig.class);

  @Test
  void aFieldWrittenInTheExample_isRemovedAndTheBoundValueRead() {
    DefaultProbe probe = probe("port: 9000\ntimeout: 5s\ntargets: [{host: a, weight: 7}]");

    assertThat(defaultOf(probe, "port")).isEqualTo(value(8080));
    assertThat(defaultOf(probe, "timeout")).isEqualTo(value(Duration.ofSeconds(2)));
    assertThat(defaultOf(probe, "targets[].weight")).isEqualTo(value(1));
  }

  @Test
  void aFieldAbsentFromTheExample_isReadFromTheBoundExample() {
    DefaultProbe probe = probe("name: x");

    assertThat(defaultOf(probe, "note")).isEqualTo(value(Optional.empty()));
    assertThat(defaultOf(probe, "tags")).isEqualTo(value(List.of()));
  }

  @Test
  void aFieldNoExampleBindsWithout_isRequired() {
    DefaultProbe probe = probe("targets: [{host: a}]");

    assertThat(defaultOf(probe, "targets[].host")).isEqualTo(new DefaultProbe.Default.Required());
  }

  @Test
  void aRecordNoExampleWrites_hasAnUnknownDefault_andIsNotShown() {
    DefaultProbe probe = probe("name: x");
    ConfigSection targets = TREE.section("targets[]").orElseThrow();

    assertThat(probe.of(targets, targets.fields().getFirst()))
        .isEqualTo(new DefaultProbe.Default.Unknown());
    assertThat(probe.shown(targets, targets.fields().getFirst())).isFalse();
  }

  @Test
  void laterExamplesAreTried_whenTheFirstCannotDoWithoutTheField() {
    DefaultProbe probe =
        new DefaultProbe(
            (tree, file) -> {
              if (!tree.has("note")) throw new IllegalArgumentException("this one needs a note");
              return ConfigBinder.bind(tree, SampleConfig.class);
            },
            List.of(example("note: a\nport: 1"), example("note: b")));

    assertThat(defaultOf(probe, "port")).isEqualTo(value(8080));
    assertThat(defaultOf(probe, "note")).isEqualTo(new DefaultProbe.Default.Required());
  }

  static Example example(String yaml) {
    return new Example(Path.of("example.yaml"), yaml, new YAMLMapper().readTree(yaml));
  }

  private static DefaultProbe probe(String yaml) {
    return new DefaultProbe(BINDER, List.of(example(yaml)));
  }

  private static DefaultProbe.Default defaultOf(DefaultProbe probe, String path) {
    for (ConfigSection section : TREE.sections()) {
      for (ConfigField field : section.fields()) {
        if (field.path().equals(path)) return probe.of(section, field);
      }
    }
    throw new IllegalArgumentException(path);
  }

  private static DefaultProbe.Default value(Object value) {
    return new DefaultProbe.Default.Value(value);
  }
}
