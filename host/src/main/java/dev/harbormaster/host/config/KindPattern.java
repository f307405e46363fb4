package dev.harbormaster.host.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.harbormaster.spi.GroupVersionKind;

/**
 * One entry of {@code match.kinds}: {@code Kind}, {@code version/Kind} (core group) or {@code
 * group/version/Kind}, each part {@code *} for any.
 *
 * @param group the group, {@code *} when not given
 * @param version the version, {@code *} when not given
 * @param kind the kind
 */
public record KindPattern(String group, String version, String kind) {

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException naming the value and the accepted forms
   */
  @JsonCreator
  public static KindPattern parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
    for (String part : parts) {
      if (part.isEmpty() && parts.length != 3) {
        throw invalid(text);
      }
    }
    return switch (parts.length) {
      case 1 -> new KindPattern("*", "*", parts[0]);
      case 2 -> new KindPattern("", parts[0], parts[1]);
      case 3 -> {
        if (parts[1].isEmpty() || parts[2].isEmpty()) throw invalid(text);
        yield new KindPattern(parts[0], parts[1], parts[2]);
      }
      default -> throw invalid(text);
    };
  }

  /** True when {@code gvk} (a request's kind) matches this pattern. */
  public boolean matches(GroupVersionKind gvk) {
    return part(group, gvk.group()) && part(version, gvk.version()) && part(kind, gvk.kind());
  }

  private static boolean part(String pattern, String value) {
    return pattern.equals("*") || pattern.equals(value);
  }

  @JsonValue
  @Override
  public String toString() {
    if (group.equals("*") && version.equals("*")) return kind;
    if (group.isEmpty()) return version + "/" + kind;
    return group + "/" + version + "/" + kind;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "invalid kind '"
            + text
            + "': expected Kind, version/Kind or group/version/Kind, e.g. Pod, v1/Pod,"
            + " apps/v1/Deployment");
  }
}
