package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every record component reachable from a root config has a Javadoc {@code @param} in its source,
 * every value of an enum field has Javadoc, and no {@code @param} names a component that does not
 * exist: the reference's descriptions are these texts.
 */
class ParamJavadocTest {

  @Test
  void everyConfigField_hasAParamDescription() {
    SourceJavadoc javadoc = new SourceJavadoc(Repository.root());
    List<String> missing = new ArrayList<>();
    for (ReferenceSubject subject : ReferenceSubject.all()) {
      for (ConfigField field : subject.tree().fields()) {
        if (javadoc.of(field.owner()).param(field.component().getName()).isEmpty()) {
          missing.add(
              field.javaName()
                  + " ("
                  + subject.id()
                  + ": "
                  + field.path()
                  + ") in "
                  + javadoc.sourceOf(field.owner()));
        }
      }
    }
    assertThat(missing).as("record components without a Javadoc @param description").isEmpty();
  }

  @Test
  void everyAcceptedEnumValue_hasJavadoc() {
    SourceJavadoc javadoc = new SourceJavadoc(Repository.root());
    List<String> missing = new ArrayList<>();
    for (ReferenceSubject subject : ReferenceSubject.all()) {
      for (ConfigField field : subject.tree().fields()) {
        if (field.type() instanceof FieldType.Choice choice) {
          for (Object constant : choice.type().getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            if (!javadoc.of(choice.type()).constants().containsKey(name)) {
              missing.add(choice.type().getSimpleName() + "." + name + " (" + field.path() + ")");
            }
          }
        }
      }
    }
    assertThat(missing).as("enum values of config fields without Javadoc").isEmpty();
  }

  @Test
  void noParamNamesAComponentThatDoesNotExist() {
    SourceJavadoc javadoc = new SourceJavadoc(Repository.root());
    Set<Class<?>> records = new LinkedHashSet<>();
    ReferenceSubject.all().forEach(s -> s.tree().sections().forEach(c -> records.add(c.type())));
    List<String> stale = new ArrayList<>();
    for (Class<?> record : records) {
      Set<String> components =
          Set.copyOf(
              Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
      javadoc.of(record).params().keySet().stream()
          .filter(name -> !components.contains(name))
          .forEach(name -> stale.add(record.getSimpleName() + ": @param " + name));
    }
    assertThat(stale).as("@param tags naming no record component").isEmpty();
  }
}
