package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.docs.reference.sample.SampleConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

class UnknownFieldsTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private final UnknownFields fields =
      new UnknownFields(ConfigTree.of(SampleConfig.class), node -> Optional.empty());

  @Test
  void acceptsEveryKnownField_aliasesToo() {
    assertThat(
            fields.in(
                YAML.readTree(
                    "name: a\nrenamed: b\noldName: c\nlimits: {max: 1}\ntargets: [{host: h}]\n"
                        + "labels: {any: thing}\nspread: everywhere"),
                "config"))
        .isEmpty();
  }

  @Test
  void namesEachUnknownKey_withItsPathAndWhatIsAccepted() {
    assertThat(
            fields.in(
                YAML.readTree("nmae: a\nlimits: {maximum: 1}\ntargets: [{host: h}, {hots: h}]"),
                "config"))
        .containsExactly(
            "config.nmae: unknown field 'nmae'; SampleConfig accepts [name, port, timeout, color,"
                + " tags, labels, limits, targets, note, renamed, spread]",
            "config.limits.maximum: unknown field 'maximum'; Limits accepts [max]",
            "config.targets[1].hots: unknown field 'hots'; Target accepts [host, weight]");
  }

  @Test
  void freeFormFieldsAreCheckedWithTheTreeTheResolverNames() {
    ConfigTree host = ConfigTree.of(dev.harbormaster.host.config.HostConfig.class);
    UnknownFields hostFields =
        new UnknownFields(
            host,
            instance ->
                instance.path("plugin").asString("").equals("sample")
                    ? Optional.of(ConfigTree.of(SampleConfig.class))
                    : Optional.empty());

    assertThat(
            hostFields.in(
                YAML.readTree(
                    "instances:\n"
                        + "  - {name: a, plugin: sample, config: {nmae: x}}\n"
                        + "  - {name: b, plugin: other, config: {anything: x}}"),
                ""))
        .singleElement()
        .asString()
        .startsWith("instances[0].config.nmae: unknown field 'nmae'");
  }
}
