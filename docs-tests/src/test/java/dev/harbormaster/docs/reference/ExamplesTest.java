package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of each reference document bind exactly as Harbormaster binds them (the host file
 * through {@code ConfigLoader}, every plugin config through {@code ConfigBinder} and the plugin's
 * {@code validate}), and together they show every field, so each default is probed.
 */
class ExamplesTest {
  private static final ReferenceGenerator GENERATOR =
      new ReferenceGenerator(Repository.root(), ReferenceSubject.all());

  static Stream<ReferenceSubject> subjects() {
    return ReferenceSubject.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subjects")
  void everyExampleBinds(ReferenceSubject subject) {
    List<Example> examples = GENERATOR.examples(subject);
    assertThat(examples).as("examples of %s", subject.id()).isNotEmpty();
    List<String> refused = new ArrayList<>();
    for (Example example : examples) {
      try {
        subject.binder().bind(example.tree(), example.file());
      } catch (RuntimeException e) {
        refused.add(example.file() + ": " + e.getMessage());
      }
    }
    assertThat(refused).as("examples Harbormaster refuses").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subjects")
  void examplesShowEveryField(ReferenceSubject subject) {
    DefaultProbe probe = new DefaultProbe(subject.binder(), GENERATOR.examples(subject));
    List<String> missing = new ArrayList<>();
    for (ConfigSection section : subject.tree().sections()) {
      for (ConfigField field : section.fields()) {
        if (!probe.shown(section, field)) missing.add(field.path());
      }
    }
    assertThat(missing)
        .as(
            "fields of %s no example under docs/reference/examples/%s/ shows",
            subject.id(), subject.id())
        .isEmpty();
  }
}
