package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML blocks of the hand-written plugin guides ({@code docs/plugins/<plugin-id>.md}) name only
 * fields the code accepts. A block with {@code server}, {@code plugins} or {@code instances} is a
 * host file (each instance's {@code config} checked against its plugin); a block of Kubernetes
 * objects ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}, {@code status} only)
 * is left alone; any other block is the guide's plugin's {@code config:} block, with or without the
 * {@code config:} key.
 */
class HandWrittenDocsTest {
  private static final Pattern YAML_BLOCK =
      Pattern.compile("(?m)^```yaml\\n(.*?)^```", Pattern.DOTALL);
  private static final Set<String> HOST_KEYS = Set.of("server", "plugins", "instances");
  private static final Set<String> KUBERNETES_KEYS =
      Set.of("apiVersion", "kind", "metadata", "spec", "status");
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void pluginGuides_nameOnlyFieldsTheCodeAccepts() throws IOException {
    Map<String, ReferenceSubject> subjects =
        ReferenceSubject.all().stream()
            .collect(Collectors.toMap(ReferenceSubject::id, Function.identity()));
    List<Path> guides;
    try (Stream<Path> files = Files.list(Repository.root().resolve("docs/plugins"))) {
      guides = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    }
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path guide : guides) {
      String id = guide.getFileName().toString().replaceFirst("\\.md$", "");
      String text = Files.readString(guide);
      Matcher block = YAML_BLOCK.matcher(text);
      while (block.find()) {
        int line = (int) text.substring(0, block.start()).lines().count() + 2;
        String where = "docs/plugins/" + guide.getFileName() + " line " + line;
        JsonNode tree;
        try {
          tree = YAML.readTree(block.group(1));
        } catch (RuntimeException e) {
          problems.add(where + ": not valid YAML: " + e.getMessage());
          continue;
        }
        if (tree == null || !tree.isObject()) continue;
        Set<String> keys = Set.copyOf(tree.propertyNames());
        if (KUBERNETES_KEYS.containsAll(keys)) continue;
        checked++;
        problems.addAll(check(tree, keys, id, subjects, where));
      }
    }
    assertThat(checked).as("config blocks found in docs/plugins/*.md").isPositive();
    assertThat(problems)
        .as("fields named in docs/plugins/*.md that the code does not accept")
        .isEmpty();
  }

  private static List<String> check(
      JsonNode tree,
      Set<String> keys,
      String id,
      Map<String, ReferenceSubject> subjects,
      String where) {
    Function<JsonNode, Optional<ConfigTree>> pluginOfInstance =
        instance ->
            Optional.ofNullable(subjects.get(instance.path("plugin").asString("")))
                .map(ReferenceSubject::tree);
    if (keys.stream().anyMatch(HOST_KEYS::contains)) {
      return prefixed(
          where, new UnknownFields(subjects.get("host").tree(), pluginOfInstance).in(tree, ""));
    }
    ReferenceSubject plugin = subjects.get(id);
    if (plugin == null) {
      return List.of(where + ": a config block in a guide named after no plugin (" + id + ")");
    }
    JsonNode config = keys.equals(Set.of("config")) ? tree.get("config") : tree;
    return prefixed(where, new UnknownFields(plugin.tree(), pluginOfInstance).in(config, "config"));
  }

  private static List<String> prefixed(String where, List<String> problems) {
    return problems.stream().map(p -> where + ": " + p).toList();
  }
}
