package dev.harbormaster.docs.reference;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every field a root config record accepts, found by walking its record components (nested records,
 * {@code Optional}, lists and maps of records) the way Jackson binds them: YAML names from {@link
 * JsonProperty}, extra names from {@link JsonAlias}, {@link JsonIgnore}d components left out.
 *
 * @param root the root record
 * @param sections one section per record reachable from the root, the root first, depth first
 */
record ConfigTree(Class<?> root, List<ConfigSection> sections) {

  /** Walks {@code root}. */
  static ConfigTree of(Class<?> root) {
    List<ConfigSection> sections = new ArrayList<>();
    walk(root, List.of(), sections, new ArrayList<>());
    return new ConfigTree(root, List.copyOf(sections));
  }

  /** Every field, section by section. */
  List<ConfigField> fields() {
    return sections.stream().flatMap(s -> s.fields().stream()).toList();
  }

  /** The section documenting the record at {@code path}, if any. */
  Optional<ConfigSection> section(String path) {
    return sections.stream().filter(s -> s.path().equals(path)).findFirst();
  }

  private static void walk(
      Class<?> type, List<Step> steps, List<ConfigSection> sections, List<Class<?>> stack) {
    if (stack.contains(type)) {
      throw new IllegalStateException("config records refer to themselves: " + stack);
    }
    stack.add(type);
    String path = Step.render(steps);
    List<ConfigField> fields = new ArrayList<>();
    List<Runnable> children = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      if (annotation(component, JsonIgnore.class).map(JsonIgnore::value).orElse(false)) continue;
      String name =
          annotation(component, JsonProperty.class)
              .map(JsonProperty::value)
              .filter(v -> !v.isEmpty())
              .orElse(component.getName());
      List<String> aliases =
          annotation(component, JsonAlias.class).map(a -> List.of(a.value())).orElse(List.of());
      boolean anyCase =
          FieldType.caseInsensitive(annotation(component, JsonFormat.class).orElse(null));
      FieldType fieldType = FieldType.of(component.getGenericType(), anyCase);
      fields.add(
          new ConfigField(
              path.isEmpty() ? name : path + "." + name, name, aliases, component, fieldType));
      childSteps(steps, name, fieldType)
          .ifPresent(
              child -> children.add(() -> walk(sectionType(fieldType), child, sections, stack)));
    }
    sections.add(new ConfigSection(path, steps, type, List.copyOf(fields)));
    children.forEach(Runnable::run);
    stack.remove(type);
  }

  private static Optional<List<Step>> childSteps(List<Step> steps, String name, FieldType type) {
    List<Step> child = new ArrayList<>(steps);
    child.add(new Step.Name(name));
    switch (type) {
      case FieldType.Section s -> {}
      case FieldType.ListOf(FieldType.Section s) -> child.add(new Step.Each());
      case FieldType.MapOf(FieldType.Section s) -> child.add(new Step.Values());
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(List.copyOf(child));
  }

  private static Class<?> sectionType(FieldType type) {
    return switch (type) {
      case FieldType.Section s -> s.type();
      case FieldType.ListOf(FieldType.Section s) -> s.type();
      case FieldType.MapOf(FieldType.Section s) -> s.type();
      default -> throw new IllegalArgumentException(type.toString());
    };
  }

  /** An annotation on the component, its field, its accessor or its constructor parameter. */
  static <A extends Annotation> Optional<A> annotation(RecordComponent c, Class<A> type) {
    Class<?> owner = c.getDeclaringRecord();
    Stream<Optional<A>> places =
        Stream.of(
            Optional.ofNullable(c.getAnnotation(type)),
            Optional.ofNullable(c.getAccessor().getAnnotation(type)),
            Arrays.stream(owner.getDeclaredFields())
                .filter(f -> f.getName().equals(c.getName()))
                .findFirst()
                .map(f -> f.getAnnotation(type)),
            canonicalParameter(c).map(p -> p.getAnnotation(type)));
    return places.flatMap(Optional::stream).findFirst();
  }

  private static Optional<java.lang.reflect.Parameter> canonicalParameter(RecordComponent c) {
    Class<?> owner = c.getDeclaringRecord();
    Class<?>[] types =
        Arrays.stream(owner.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class[]::new);
    try {
      var parameters = owner.getDeclaredConstructor(types).getParameters();
      RecordComponent[] components = owner.getRecordComponents();
      int index = 0;
      while (!components[index].getName().equals(c.getName())) index++;
      return Optional.of(parameters[index]);
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }
}
