package dev.harbormaster.host.config;

import java.util.List;
import java.util.Map;

/**
 * One {@code matchExpressions} entry.
 *
 * @param key label key
 * @param operator {@code In}, {@code NotIn}, {@code Exists} or {@code DoesNotExist}
 * @param values values for In/NotIn (non-empty); must be empty for Exists/DoesNotExist
 */
public record LabelRequirement(String key, String operator, List<String> values) {
  /** Validates the operator and values. */
  public LabelRequirement {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("matchExpressions: key is required");
    }
    values = values == null ? List.of() : List.copyOf(values);
    switch (operator == null ? "" : operator) {
      case "In", "NotIn" -> {
        if (values.isEmpty()) {
          throw new IllegalArgumentException(
              "matchExpressions key '" + key + "': operator " + operator + " needs values");
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (!values.isEmpty()) {
          throw new IllegalArgumentException(
              "matchExpressions key '" + key + "': operator " + operator + " takes no values");
        }
      }
      default ->
          throw new IllegalArgumentException(
              "matchExpressions key '"
                  + key
                  + "': unknown operator '"
                  + operator
                  + "'; expected In, NotIn, Exists or DoesNotExist");
    }
  }

  /** True when {@code labels} satisfy this requirement. */
  public boolean matches(Map<String, String> labels) {
    String value = labels.get(key);
    return switch (operator) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      default -> value == null;
    };
  }
}
