package dev.harbormaster.docs.prose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Harbormaster checkout the prose tests read: its root comes from the {@code
 * docs.repository.root} system property that the module's pom sets (the parent directory when run
 * from an IDE).
 */
final class Checkout {
  private Checkout() {}

  /** The repository root; fails when it does not look like the Harbormaster checkout. */
  static Path root() {
    String property = System.getProperty("docs.repository.root");
    Path path = property == null || property.isBlank() ? Path.of("..") : Path.of(property);
    Path root = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("pom.xml"))
        || !Files.isDirectory(root.resolve("docs"))
        || !Files.isDirectory(root.resolve("spi"))) {
      throw new IllegalStateException(
          "docs.repository.root " + root + " is not the Harbormaster checkout");
    }
    return root;
  }

  /** A file below the root, which must exist. */
  static Path file(String relative) {
    Path file = root().resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("expected the file " + file);
    }
    return file;
  }

  /** Reads a file as UTF-8. */
  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Every regular file below {@code dir} whose name ends with {@code suffix}, skipping build output
   * folders ({@code target}, {@code target-*}) and hidden folders, sorted.
   */
  static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(p -> !isSkipped(dir.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static boolean isSkipped(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals("target") || name.startsWith("target-") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
