package dev.harbormaster.docs.reference;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds each field's default from the code: the value the binder produces when the field is left
 * out of an example. The field is removed from one place of one example at a time (everything else
 * unchanged) until an example still binds; failing that, an example that does not write the field
 * at some place is read as bound. A field no example binds without is required.
 */
final class DefaultProbe {
  private final ExampleBinder binder;
  private final List<Example> examples;
  private final Map<Example, Object> bound = new HashMap<>();

  DefaultProbe(ExampleBinder binder, List<Example> examples) {
    this.binder = binder;
    this.examples = List.copyOf(examples);
  }

  /** A field's default. */
  sealed interface Default {
    /** No example binds without the field. */
    record Required() implements Default {}

    /** No example holds the record the field belongs to: nothing can be said. */
    record Unknown() implements Default {}

    /** The value bound when the field is absent ({@code Optional.empty()} for "not set"). */
    record Value(Object value) implements Default {}
  }

  /** One place of an example where a section's record is written. */
  private record Occurrence(Example example, List<Object> keys, ObjectNode node) {}

  /** The default of {@code field}, declared in {@code section}. */
  Default of(ConfigSection section, ConfigField field) {
    List<Occurrence> occurrences = new ArrayList<>();
    for (Example example : examples) {
      find(example, example.tree(), section.steps(), 0, new ArrayList<>(), occurrences);
    }
    for (Occurrence o : occurrences) {
      if (!o.node().has(field.name())) continue;
      JsonNode copy = o.example().tree().deepCopy();
      ObjectNode node = (ObjectNode) at(copy, o.keys());
      node.remove(field.name());
      try {
        Object root = binder.bind(copy, o.example().file());
        return new Default.Value(read(root, o.keys(), field.name()));
      } catch (RuntimeException refused) {
        // required here; another occurrence may do without it
      }
    }
    for (Occurrence o : occurrences) {
      if (!o.node().has(field.name())) {
        return new Default.Value(read(bound(o.example()), o.keys(), field.name()));
      }
    }
    return occurrences.isEmpty() ? new Default.Unknown() : new Default.Required();
  }

  /** Whether some example writes the field (every field should be shown in an example). */
  boolean shown(ConfigSection section, ConfigField field) {
    List<Occurrence> occurrences = new ArrayList<>();
    for (Example example : examples) {
      find(example, example.tree(), section.steps(), 0, new ArrayList<>(), occurrences);
    }
    return occurrences.stream().anyMatch(o -> o.node().has(field.name()));
  }

  private Object bound(Example example) {
    return bound.computeIfAbsent(example, e -> binder.bind(e.tree(), e.file()));
  }

  private static void find(
      Example example,
      JsonNode node,
      List<Step> steps,
      int at,
      List<Object> keys,
      List<Occurrence> out) {
    if (at == steps.size()) {
      if (node instanceof ObjectNode object) {
        out.add(new Occurrence(example, List.copyOf(keys), object));
      }
      return;
    }
    switch (steps.get(at)) {
      case Step.Name(String name) -> {
        if (node.isObject() && node.has(name)) {
          keys.add(name);
          find(example, node.get(name), steps, at + 1, keys, out);
          keys.removeLast();
        }
      }
      case Step.Each() -> {
        for (int i = 0; node.isArray() && i < node.size(); i++) {
          keys.add(i);
          find(example, node.get(i), steps, at + 1, keys, out);
          keys.removeLast();
        }
      }
      case Step.Values() -> {
        if (node.isObject()) {
          for (String key : node.propertyNames()) {
            keys.add(key);
            find(example, node.get(key), steps, at + 1, keys, out);
            keys.removeLast();
          }
        }
      }
    }
  }

  private static JsonNode at(JsonNode root, List<Object> keys) {
    JsonNode node = root;
    for (Object key : keys) {
      node = key instanceof Integer i ? node.get(i) : node.get((String) key);
    }
    return node;
  }

  /** Follows {@code keys} through the bound records, lists and maps, then reads {@code name}. */
  private static Object read(Object root, List<Object> keys, String name) {
    Object value = root;
    for (Object key : keys) {
      value = step(value, key);
    }
    return component(value, name);
  }

  private static Object step(Object value, Object key) {
    return switch (value) {
      case Map<?, ?> map -> map.get(key);
      case List<?> list -> list.get((Integer) key);
      case Collection<?> c -> new ArrayList<>(c).get((Integer) key);
      default -> unwrap(component(value, (String) key));
    };
  }

  private static Object unwrap(Object value) {
    return value instanceof Optional<?> o ? o.orElseThrow() : value;
  }

  private static Object component(Object record, String name) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      String yaml =
          ConfigTree.annotation(c, com.fasterxml.jackson.annotation.JsonProperty.class)
              .map(p -> p.value())
              .filter(v -> !v.isEmpty())
              .orElse(c.getName());
      if (yaml.equals(name)) {
        try {
          c.getAccessor().setAccessible(true);
          return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + c, e);
        }
      }
    }
    throw new IllegalStateException(record.getClass().getName() + " has no field " + name);
  }
}
