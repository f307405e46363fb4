package dev.harbormaster.docs.reference;

import dev.harbormaster.spi.config.ConfigBinder;
import dev.harbormaster.spi.config.Durations;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes a probed default as the reference shows it: a YAML value in backticks, "not set", or
 * "**required**". A value without a YAML form of its own (a custom value type) is shown as the
 * first literal quoted in the field's Javadoc that binds to an equal value; only when none does is
 * the reader sent to the description.
 */
final class DefaultCell {
  /** Shown for a value the code has no YAML form for; the description says it instead. */
  static final String SEE_DESCRIPTION = "see description (Javadoc)";

  private static final YAMLMapper YAML = new YAMLMapper();

  private DefaultCell() {}

  /** The cell for {@code field} with default {@code value}, given the field's raw Javadoc. */
  static String render(ConfigField field, DefaultProbe.Default value, String javadoc) {
    return switch (value) {
      case DefaultProbe.Default.Required r -> "**required**";
      case DefaultProbe.Default.Unknown u -> SEE_DESCRIPTION;
      case DefaultProbe.Default.Value(Optional<?> o) when o.isEmpty() -> "not set";
      case DefaultProbe.Default.Value(Optional<?> o) -> cell(field, o.get(), javadoc);
      case DefaultProbe.Default.Value(Object v) -> cell(field, v, javadoc);
    };
  }

  private static String cell(ConfigField field, Object value, String javadoc) {
    return switch (field.type()) {
      case FieldType.Section s ->
          value.equals(ConfigBinder.bind(null, s.type()))
              ? "each field's default"
              : SEE_DESCRIPTION;
      case FieldType.Custom c -> quotedLiteral(c.type(), value, javadoc).orElse(SEE_DESCRIPTION);
      default -> code(yaml(field.type(), value));
    };
  }

  /** The first {@code {@code ...}} of the Javadoc that binds to {@code value}. */
  private static Optional<String> quotedLiteral(Class<?> type, Object value, String javadoc) {
    for (String literal : JavadocText.codeLiterals(javadoc)) {
      try {
        JsonNode node = YAML.readTree(literal);
        if (Objects.equals(ConfigBinder.mapper().treeToValue(node, type), value)) {
          return Optional.of(code(literal));
        }
      } catch (RuntimeException notThisOne) {
        // a literal of another kind (an example of a different value)
      }
    }
    return Optional.empty();
  }

  /** A value in YAML flow style. */
  static String yaml(FieldType type, Object value) {
    return switch (value) {
      case Optional<?> o -> o.map(v -> yaml(type, v)).orElse("null");
      case Duration d -> Durations.format(d);
      case String s -> s.isEmpty() ? "\"\"" : s;
      case Enum<?> e -> type instanceof FieldType.Choice c ? c.names().get(e.ordinal()) : e.name();
      case List<?> l ->
          l.stream().map(v -> yaml(element(type), v)).collect(Collectors.joining(", ", "[", "]"));
      case Collection<?> c ->
          c.stream() // a set: sorted, so the document does not change from run to run
              .map(v -> yaml(element(type), v))
              .sorted()
              .collect(Collectors.joining(", ", "[", "]"));
      case Map<?, ?> m ->
          m.entrySet().stream()
              .map(e -> e.getKey() + ": " + yaml(element(type), e.getValue()))
              .sorted()
              .collect(Collectors.joining(", ", "{", "}"));
      default -> String.valueOf(value);
    };
  }

  private static FieldType element(FieldType type) {
    return switch (type) {
      case FieldType.ListOf(FieldType e) -> e;
      case FieldType.MapOf(FieldType v) -> v;
      default -> type;
    };
  }

  private static String code(String text) {
    return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
  }
}
