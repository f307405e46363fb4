package dev.harbormaster.docs.reference;

import dev.harbormaster.spi.config.ConfigBinder;
import java.util.Optional;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Binds a YAML literal quoted in documentation to the type of a config field. */
final class Literals {
  private static final YAMLMapper YAML = new YAMLMapper();

  private Literals() {}

  /**
   * The value {@code literal} binds to as {@code field}'s type with Harbormaster's binder, or empty
   * when it is not a value of that type (prose, an example of something else).
   */
  static Optional<Object> bind(String literal, ConfigField field) {
    try {
      JsonNode node = YAML.readTree(literal);
      JavaType type = ConfigBinder.mapper().constructType(field.component().getGenericType());
      return Optional.ofNullable(ConfigBinder.mapper().readerFor(type).readValue(node));
    } catch (RuntimeException notAValueOfThisType) {
      return Optional.empty();
    }
  }
}
