package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A default a component's Javadoc names ({@code (default 8443)}, {@code (default {@code 10m})}) is
 * the default the code applies: the reference shows both side by side, so they must not contradict
 * each other. Only literals that bind to the component's type are compared (a number, a duration, a
 * boolean or a {@code {@code ...}} value); prose such as "default: every tag" is left alone, and so
 * are components the code leaves empty, whose Javadoc describes what then happens.
 */
class JavadocDefaultsTest {
  private static final Pattern NAMED_DEFAULT =
      Pattern.compile(
          "\\bdefault:?\\s+(?:\\{@code\\s+((?:[^{}]|\\{[^}]*})*)}|([0-9][0-9a-zA-Z.]*|true|false)\\b)");

  @Test
  void defaultsNamedInJavadoc_areTheDefaultsTheCodeApplies() {
    ReferenceGenerator generator =
        new ReferenceGenerator(Repository.root(), ReferenceSubject.all());
    List<String> contradictions = new ArrayList<>();
    int compared = 0;
    for (ReferenceSubject subject : ReferenceSubject.all()) {
      DefaultProbe probe = new DefaultProbe(subject.binder(), generator.examples(subject));
      for (ConfigSection section : subject.tree().sections()) {
        for (ConfigField field : section.fields()) {
          if (!(probe.of(section, field) instanceof DefaultProbe.Default.Value(Object code))
              || code.equals(Optional.empty())) {
            continue;
          }
          String javadoc =
              generator.javadoc().of(field.owner()).param(field.component().getName()).orElse("");
          for (String literal : namedDefaults(javadoc)) {
            Optional<Object> named = Literals.bind(literal, field);
            if (named.isEmpty()) continue;
            compared++;
            if (!Objects.equals(named.get(), code)) {
              contradictions.add(
                  field.javaName()
                      + " ("
                      + subject.id()
                      + ": "
                      + field.path()
                      + "): Javadoc says default "
                      + literal
                      + ", the code applies "
                      + DefaultCell.yaml(field.type(), code));
            }
          }
        }
      }
    }
    assertThat(compared).as("defaults named in Javadoc and compared").isGreaterThan(10);
    assertThat(contradictions).as("Javadoc defaults contradicting the code").isEmpty();
  }

  /** The literals after "default" in a Javadoc text. */
  static List<String> namedDefaults(String javadoc) {
    List<String> literals = new ArrayList<>();
    Matcher m = NAMED_DEFAULT.matcher(javadoc);
    while (m.find()) literals.add(m.group(1) != null ? m.group(1).strip() : m.group(2));
    return literals;
  }
}
