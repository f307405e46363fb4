package dev.harbormaster.docs.reference;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: docs/ and the config record sources are read from there. */
final class Repository {
  private Repository() {}

  /** The repository root, from the {@code docs.repository.root} system property (set by Maven). */
  static Path root() {
    String root = System.getProperty("docs.repository.root");
    Path path = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
    Path normalized = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(normalized.resolve("pom.xml"))
        || !Files.isDirectory(normalized.resolve("docs"))) {
      throw new IllegalStateException(
          "docs.repository.root " + normalized + " is not the Harbormaster checkout");
    }
    return normalized;
  }
}
