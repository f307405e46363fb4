package dev.harbormaster.docs.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One example file of a reference document, {@code docs/reference/examples/<id>/*.yaml}: the first
 * is the complete example, the others show alternatives (fields that exclude each other).
 *
 * @param file the file
 * @param text its text, shown in the document as it is
 * @param tree its YAML tree
 */
record Example(Path file, String text, JsonNode tree) {
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** The examples in {@code dir}, sorted by file name. */
  static List<Example> in(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "no examples: create " + dir + " with at least one YAML file that binds");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .map(Example::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Example read(Path file) {
    try {
      String text = Files.readString(file);
      JsonNode tree = YAML.readTree(text);
      return new Example(file, text, tree == null ? YAML.createObjectNode() : tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(file + ": not valid YAML: " + e.getMessage(), e);
    }
  }
}
