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
 * The YAML blocks of the hand-written docs name only fields the code accepts.
 *
 * <p>In a plugin guide ({@code docs/plugins/<plugin-id>.md}) every block is checked: a block with
 * {@code server}, {@code plugins} or {@code instances} is a host file (each instance's {@code
 * config} checked against its plugin); a block of Kubernetes objects ({@code apiVersion}, {@code
 * kind}, {@code metadata}, {@code spec}, {@code status} only) is left alone; any other block is the
 * guide's plugin's {@code config:} block, with or without the {@code config:} key. In the other
 * docs ({@code README.md}, {@code docs/*.md}, {@code plugins/*}{@code /README.md}) host-file blocks
 * are checked the same way.
 */
class HandWrittenDocsTest {
  private static final Pattern YAML_BLOCK =
      Pattern.compile("(?m)^```yaml\\n(.*?)^```", Pattern.DOTALL);
  private static final Set<String> HOST_KEYS = Set.of("server", "plugins", "instances");
  private static final Set<String> KUBERNETES_KEYS =
      Set.of("apiVersion", "kind", "metadata", "spec", "status");
  private static final YAMLMapper YAML = new YAMLMapper();

  private final Map<String, ReferenceSubject> subjects =
      ReferenceSubject.all().stream()
          .collect(Collectors.toMap(ReferenceSubject::id, Function.identity()));
  private final Path root = Repository.root();

  @Test
  void pluginGuides_nameOnlyFieldsTheCodeAccepts() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path guide : markdown(root.resolve("docs/plugins"))) {
      String id = guide.getFileName().toString().replaceFirst("\\.md$", "");
      checked += check(guide, Optional.of(id), problems);
    }
    assertThat(checked).as("config blocks found in docs/plugins/*.md").isPositive();
    assertThat(problems)
        .as("fields named in docs/plugins/*.md that the code does not accept")
        .isEmpty();
  }

  @Test
  void hostConfigBlocksOfTheOtherDocs_nameOnlyFieldsTheCodeAccepts() throws IOException {
    List<Path> docs = new ArrayList<>(markdown(root.resolve("docs")));
    docs.add(root.resolve("README.md"));
    try (Stream<Path> readmes = Files.list(root.resolve("plugins"))) {
      readmes.map(p -> p.resolve("README.md")).filter(Files::isRegularFile).forEach(docs::add);
    }
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path doc : docs) {
      checked += check(doc, Optional.empty(), problems);
    }
    assertThat(checked).as("host config blocks found (README.md has one)").isPositive();
    assertThat(problems).as("fields named in the docs that the code does not accept").isEmpty();
  }

  private static List<Path> markdown(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    }
  }

  /** Checks the YAML blocks of one file; returns how many were checked. */
  private int check(Path doc, Optional<String> plugin, List<String> problems) throws IOException {
    String text = Files.readString(doc);
    Matcher block = YAML_BLOCK.matcher(text);
    int checked = 0;
    while (block.find()) {
      int line = (int) text.substring(0, block.start()).lines().count() + 2;
      String where = root.relativize(doc) + " line " + line;
      JsonNode tree;
      try {
        tree = YAML.readTree(block.group(1));
      } catch (RuntimeException e) {
        if (plugin.isPresent()) problems.add(where + ": not valid YAML: " + e.getMessage());
        continue;
      }
      if (tree == null || !tree.isObject()) continue;
      Set<String> keys = Set.copyOf(tree.propertyNames());
      boolean host = keys.stream().anyMatch(HOST_KEYS::contains);
      if (KUBERNETES_KEYS.containsAll(keys) || (!host && plugin.isEmpty())) continue;
      checked++;
      List<String> found =
          host ? hostFields().in(tree, "") : pluginBlock(tree, keys, plugin.orElseThrow(), where);
      found.forEach(p -> problems.add(where + ": " + p));
    }
    return checked;
  }

  private List<String> pluginBlock(JsonNode tree, Set<String> keys, String id, String where) {
    ReferenceSubject subject = subjects.get(id);
    if (subject == null) {
      return List.of("a config block in a guide named after no plugin (" + id + ")");
    }
    JsonNode config = keys.equals(Set.of("config")) ? tree.get("config") : tree;
    return new UnknownFields(subject.tree(), this::pluginOfInstance).in(config, "config");
  }

  private UnknownFields hostFields() {
    return new UnknownFields(subjects.get("host").tree(), this::pluginOfInstance);
  }

  private Optional<ConfigTree> pluginOfInstance(JsonNode instance) {
    return Optional.ofNullable(subjects.get(instance.path("plugin").asString("")))
        .map(ReferenceSubject::tree);
  }
}
