package dev.harbormaster.docs.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Finds the keys of a YAML tree that a config record tree does not accept, the way the strict
 * binder would refuse them. Free-form fields (an instance's {@code config:}) are checked against
 * the tree a resolver names for them (the plugin of the instance), or left alone.
 */
final class UnknownFields {
  private final ConfigTree tree;
  private final Function<JsonNode, Optional<ConfigTree>> freeForm;

  /**
   * @param tree the accepted fields
   * @param freeForm given the mapping holding a free-form field, the tree to check its value with
   */
  UnknownFields(ConfigTree tree, Function<JsonNode, Optional<ConfigTree>> freeForm) {
    this.tree = tree;
    this.freeForm = freeForm;
  }

  /** Every key of {@code node} (read as the root record) the code does not accept. */
  List<String> in(JsonNode node, String where) {
    List<String> problems = new ArrayList<>();
    check(node, "", where, problems);
    return problems;
  }

  private void check(JsonNode node, String sectionPath, String where, List<String> problems) {
    ConfigSection section = tree.section(sectionPath).orElseThrow();
    if (!node.isObject()) {
      problems.add(where + ": expected a mapping (" + section.type().getSimpleName() + ")");
      return;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      String at = where.isEmpty() ? key : where + "." + key;
      Optional<ConfigField> field =
          section.fields().stream()
              .filter(f -> f.name().equals(key) || f.aliases().contains(key))
              .findFirst();
      if (field.isEmpty()) {
        problems.add(
            at
                + ": unknown field '"
                + key
                + "'; "
                + section.type().getSimpleName()
                + " accepts "
                + section.fields().stream().map(ConfigField::name).toList());
        continue;
      }
      String path = field.get().path();
      switch (field.get().type()) {
        case FieldType.Section s -> check(value, path, at, problems);
        case FieldType.ListOf(FieldType.Section s) -> {
          for (int i = 0; value.isArray() && i < value.size(); i++) {
            check(value.get(i), path + "[]", at + "[" + i + "]", problems);
          }
        }
        case FieldType.MapOf(FieldType.Section s) -> {
          for (Map.Entry<String, JsonNode> e : value.properties()) {
            check(e.getValue(), path + ".<name>", at + "." + e.getKey(), problems);
          }
        }
        case FieldType.Tree t ->
            freeForm
                .apply(node)
                .ifPresent(
                    inner -> problems.addAll(new UnknownFields(inner, freeForm).in(value, at)));
        default -> {}
      }
    }
  }
}
