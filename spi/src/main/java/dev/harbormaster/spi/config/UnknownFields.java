package dev.harbormaster.spi.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Finds the first field of a config tree that the target record type does not declare, walking
 * nested records, {@code Optional}, collections and maps. Jackson builds a record before it reports
 * unknown properties, so a typo next to a missing required field would otherwise surface as the
 * constructor's complaint about the missing one; the binder asks this first in that case.
 */
final class UnknownFields {
  private UnknownFields() {}

  /** An unknown field: its full path, its name and the names its record accepts. */
  record Unknown(String path, String field, Set<String> known) {}

  static Optional<Unknown> find(JsonNode tree, Type type) {
    return find(tree, type, "");
  }

  private static Optional<Unknown> find(JsonNode node, Type type, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) return Optional.empty();
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] args = p.getActualTypeArguments();
      if (raw == Optional.class) return find(node, args[0], path);
      if (Collection.class.isAssignableFrom(raw) && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          Optional<Unknown> found = find(node.get(i), args[0], path + "[" + i + "]");
          if (found.isPresent()) return found;
        }
      }
      if (Map.class.isAssignableFrom(raw) && node.isObject()) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          Optional<Unknown> found = find(e.getValue(), args[1], join(path, e.getKey()));
          if (found.isPresent()) return found;
        }
      }
      return Optional.empty();
    }
    if (!(type instanceof Class<?> c) || !c.isRecord() || !node.isObject()) {
      return Optional.empty();
    }
    Set<String> known = new LinkedHashSet<>();
    for (RecordComponent component : c.getRecordComponents()) known.add(component.getName());
    for (String name : node.propertyNames()) {
      if (!known.contains(name)) return Optional.of(new Unknown(join(path, name), name, known));
    }
    for (RecordComponent component : c.getRecordComponents()) {
      Optional<Unknown> found =
          find(
              node.get(component.getName()),
              component.getGenericType(),
              join(path, component.getName()));
      if (found.isPresent()) return found;
    }
    return Optional.empty();
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
