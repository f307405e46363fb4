package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/ is exactly what the config records generate. With {@code -Ddocs.regenerate=true}
 * the test writes the files instead (and removes stale ones).
 */
class ReferenceDocsTest {

  @Test
  void committedReferenceDocs_matchWhatTheConfigRecordsGenerate() throws IOException {
    ReferenceGenerator generator =
        new ReferenceGenerator(Repository.root(), ReferenceSubject.all());
    Map<Path, String> files = generator.files();
    Set<Path> stale = staleFiles(generator.referenceDir(), files.keySet());

    if (Boolean.getBoolean("docs.regenerate")) {
      for (Map.Entry<Path, String> file : files.entrySet()) {
        Files.writeString(file.getKey(), file.getValue());
      }
      for (Path path : stale) Files.delete(path);
      return;
    }

    Path root = Repository.root();
    List<String> differences = new ArrayList<>();
    for (Map.Entry<Path, String> file : files.entrySet()) {
      Path path = root.relativize(file.getKey());
      if (!Files.isRegularFile(file.getKey())) {
        differences.add(path + " is missing");
      } else if (!Files.readString(file.getKey()).equals(file.getValue())) {
        differences.add(
            path
                + " differs from the generated text "
                + firstDifference(Files.readString(file.getKey()), file.getValue()));
      }
    }
    stale.forEach(
        path -> differences.add(root.relativize(path) + " is not generated any more (delete it)"));
    assertThat(differences)
        .as(
            "docs/reference/ is out of date with the config records; regenerate it with%n  %s%n"
                + "(after installing changed modules) and commit the result",
            ReferenceDocument.REGENERATE)
        .isEmpty();
  }

  private static Set<Path> staleFiles(Path dir, Set<Path> generated) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".md"))
          .filter(f -> !generated.contains(f))
          .collect(Collectors.toSet());
    }
  }

  private static String firstDifference(String committed, String generated) {
    List<String> a = committed.lines().toList();
    List<String> b = generated.lines().toList();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String left = i < a.size() ? a.get(i) : "<end of file>";
      String right = i < b.size() ? b.get(i) : "<end of file>";
      if (!left.equals(right)) {
        return "at line " + (i + 1) + ":\n    committed: " + left + "\n    generated: " + right;
      }
    }
    return "(line endings)";
  }
}
