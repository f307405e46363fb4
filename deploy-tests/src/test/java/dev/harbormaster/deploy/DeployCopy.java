package dev.harbormaster.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary copy of the repository's {@code deploy/} directory (without any {@code ca.crt}), for
 * rendering kustomizations that need files the repository does not hold: the user's CA, or an
 * overlay of the user's own as the docs describe it. Deleted on {@link #close()}.
 *
 * @param root the copy's root (the copied {@code deploy/})
 */
record DeployCopy(Path root) implements AutoCloseable {

  /** Copies {@link Overlay#deployDirectory()} into a new temporary directory. */
  static DeployCopy create() {
    try {
      return copyTo(Files.createTempDirectory("deploy-tests"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies {@link Overlay#deployDirectory()} to {@code parent/deploy}, so that commands run in
   * {@code parent} find {@code deploy/...} as they would in the repository.
   */
  static DeployCopy createIn(Path parent) {
    return copyTo(parent.resolve("deploy"));
  }

  private static DeployCopy copyTo(Path target) {
    Path deploy = Overlay.deployDirectory();
    try {
      try (Stream<Path> files = Files.walk(deploy)) {
        for (Path p : files.toList()) {
          Path to = target.resolve(deploy.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(to);
          } else if (!p.getFileName().toString().equals("ca.crt")) {
            Files.copy(p, to);
          }
        }
      }
      return new DeployCopy(target);
    } catch (IOException e) {
      throw new UncheckedIOException("copying " + deploy, e);
    }
  }

  /** Writes {@code text} to {@code relative} inside the copy (creating directories). */
  Path write(String relative, String text) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + root, e);
    }
  }
}
