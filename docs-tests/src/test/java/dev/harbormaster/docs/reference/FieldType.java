package dev.harbormaster.docs.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** The shape of a config value as a YAML author sees it. */
sealed interface FieldType {

  /** What to write in the reference's type column. */
  String describe();

  /** A YAML scalar: string, integer, boolean, number, duration. */
  record Scalar(String name) implements FieldType {
    @Override
    public String describe() {
      return name;
    }
  }

  /** An enum: one of its YAML names. */
  record Choice(Class<?> type, List<String> names) implements FieldType {
    @Override
    public String describe() {
      return "one of " + names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }
  }

  /** A YAML list. */
  record ListOf(FieldType element) implements FieldType {
    @Override
    public String describe() {
      return "list of " + element.describe();
    }
  }

  /** A YAML mapping with free keys. */
  record MapOf(FieldType value) implements FieldType {
    @Override
    public String describe() {
      return "map of string to " + value.describe();
    }
  }

  /** A config record: a mapping whose keys are documented one by one. */
  record Section(Class<?> type) implements FieldType {
    @Override
    public String describe() {
      return "object";
    }
  }

  /** A value bound by a {@link JsonCreator} factory from any YAML node (see the description). */
  record Custom(Class<?> type) implements FieldType {
    @Override
    public String describe() {
      return "value (see description)";
    }
  }

  /** A free-form mapping the record keeps as a tree. */
  record Tree() implements FieldType {
    @Override
    public String describe() {
      return "object (free-form)";
    }
  }

  /** The shape of {@code type}; {@code caseInsensitive} when the component accepts any case. */
  static FieldType of(Type type, boolean caseInsensitive) {
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) return of(args[0], caseInsensitive);
      if (Collection.class.isAssignableFrom(raw)) return new ListOf(of(args[0], caseInsensitive));
      if (Map.class.isAssignableFrom(raw)) return new MapOf(of(args[1], caseInsensitive));
    }
    if (!(type instanceof Class<?> c)) {
      throw new IllegalArgumentException("unsupported config type " + type);
    }
    if (c == String.class) return new Scalar("string");
    if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
      return new Scalar("integer");
    }
    if (c == Boolean.class || c == boolean.class) return new Scalar("boolean");
    if (c == Double.class || c == double.class) return new Scalar("number");
    if (c == Duration.class) return new Scalar("duration (`500ms`, `2s`, `10m`, `1h30m`)");
    if (JsonNode.class.isAssignableFrom(c)) return new Tree();
    if (c.isEnum()) return new Choice(c, enumNames(c, caseInsensitive));
    Optional<Method> creator = creator(c);
    if (creator.isPresent()) {
      return creator.get().getParameterTypes()[0] == String.class
          ? new Scalar("string")
          : new Custom(c);
    }
    if (c.isRecord()) return new Section(c);
    throw new IllegalArgumentException("unsupported config type " + c.getName());
  }

  /** The static {@link JsonCreator} factory of a value type, if it binds from one node. */
  static Optional<Method> creator(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.isAnnotationPresent(JsonCreator.class) && m.getParameterCount() == 1)
        .findFirst();
  }

  /** The YAML name of an enum constant: its {@link JsonValue}, else its name. */
  static String enumName(Enum<?> constant, boolean caseInsensitive) {
    for (Method m : constant.getDeclaringClass().getDeclaredMethods()) {
      if (m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0) {
        try {
          return String.valueOf(m.invoke(constant));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return caseInsensitive ? constant.name().toLowerCase(Locale.ROOT) : constant.name();
  }

  private static List<String> enumNames(Class<?> type, boolean caseInsensitive) {
    return Arrays.stream(type.getEnumConstants())
        .map(c -> enumName((Enum<?>) c, caseInsensitive))
        .toList();
  }

  /** Whether a component's annotations make its enum values case-insensitive. */
  static boolean caseInsensitive(JsonFormat format) {
    return format != null
        && Arrays.asList(format.with()).contains(JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES);
  }
}
