package dev.harbormaster.spi.config;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.NullNode;

/**
 * Binds a config tree to a record strictly: unknown fields, wrong types and values rejected by the
 * record's constructor all fail with the JSON path of the problem. The host binds every instance's
 * {@code config} with this; plugin tests can use it to bind fixtures exactly as the host will.
 */
public final class ConfigBinder {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .addModule(
              new SimpleModule("harbormaster-durations")
                  .addDeserializer(Duration.class, new DurationDeserializer()))
          .build();

  private ConfigBinder() {}

  /** The mapper used for binding (strict; Go-style durations). */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /**
   * Binds {@code tree} (null or missing means an empty object) to {@code type}.
   *
   * @throws ConfigBindingException naming the JSON path, the value and the problem
   */
  public static <C> C bind(JsonNode tree, Class<C> type) {
    JsonNode source =
        tree == null || tree.isMissingNode() || tree instanceof NullNode
            ? MAPPER.createObjectNode()
            : tree;
    try {
      return MAPPER.treeToValue(source, type);
    } catch (DatabindException e) {
      if (!(e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException)) {
        // A typo next to a missing field: name the typo, not the constructor's complaint.
        Optional<UnknownFields.Unknown> unknown = UnknownFields.find(source, type);
        if (unknown.isPresent()) {
          UnknownFields.Unknown u = unknown.get();
          throw new ConfigBindingException(
              u.path(), "unknown field '" + u.field() + "'; known fields: " + u.known(), e);
        }
      }
      throw new ConfigBindingException(pathOf(e), describe(e), e);
    } catch (JacksonException e) {
      throw new ConfigBindingException("$", e.getOriginalMessage(), e);
    }
  }

  private static String pathOf(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) path.append('.');
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "$" : path.toString();
  }

  private static String describe(DatabindException e) {
    // A constructor's IllegalArgumentException carries the plugin's own message: show it alone.
    Throwable cause = e.getCause();
    while (cause != null) {
      if (cause instanceof IllegalArgumentException iae && iae.getMessage() != null) {
        return iae.getMessage();
      }
      cause = cause.getCause();
    }
    if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException u) {
      return "unknown field '"
          + u.getPropertyName()
          + "'; known fields: "
          + u.getKnownPropertyIds();
    }
    String message = e.getOriginalMessage();
    int cut = message.indexOf(" at [Source");
    return cut > 0 ? message.substring(0, cut) : message;
  }

  private static final class DurationDeserializer extends ValueDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) {
      String text = p.getValueAsString();
      if (text == null) {
        text = p.getString();
      }
      return Durations.parse(text);
    }
  }
}
