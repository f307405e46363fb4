package dev.harbormaster.deploy;

import dev.harbormaster.deploy.dockerfile.Dockerfile;
import dev.harbormaster.deploy.dockerfile.Instruction;
import dev.harbormaster.deploy.dockerfile.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files an image's final stage copies from its build stage, laid out under a local directory as
 * Docker lays them out in the image ({@code COPY dir dest} copies the directory's contents; {@code
 * COPY file dest} names the file; a wildcard source needs one match or a directory destination).
 * Each source must be the build output of the module the build stage builds ({@code
 * <WORKDIR>/<module>/target/...}) and is taken from that module's output in this build.
 *
 * @param root the local directory standing for the image's {@code /}
 * @param copies what each COPY copied
 * @see <a href="https://docs.docker.com/reference/dockerfile/#copy">COPY</a>
 */
record ImageFilesystem(Path root, List<Copy> copies) {

  /**
   * One COPY of the final stage.
   *
   * @param instruction the instruction
   * @param sources the built files or directories it copies
   * @param destination its destination in the image
   */
  record Copy(Instruction instruction, List<Path> sources, String destination) {}

  /** Copies {@code image}'s files under {@code root}. */
  static ImageFilesystem assemble(ContainerImage image, Path root) {
    Dockerfile dockerfile = image.dockerfile();
    List<Copy> copies = new ArrayList<>();
    for (Instruction copy : dockerfile.finalStage().all("COPY")) {
      Stage from =
          copy.flag("from")
              .flatMap(dockerfile::stage)
              .orElseThrow(() -> new AssertionError(copy + ": copies from no build stage"));
      List<String> words = copy.words();
      String destination = words.getLast();
      List<Path> sources = new ArrayList<>();
      for (String source : words.subList(0, words.size() - 1)) {
        sources.addAll(built(image, from, source, copy));
      }
      place(copy, sources, root, destination);
      copies.add(new Copy(copy, List.copyOf(sources), destination));
    }
    return new ImageFilesystem(root, List.copyOf(copies));
  }

  /** The local path of {@code imagePath} (absolute in the image). */
  Path resolve(String imagePath) {
    if (!imagePath.startsWith("/")) {
      throw new IllegalArgumentException("not an absolute image path: " + imagePath);
    }
    return root.resolve(imagePath.substring(1)).normalize();
  }

  /** The COPY whose destination is {@code imagePath}. */
  Copy copyTo(String imagePath) {
    return copies.stream()
        .filter(c -> c.destination().equals(imagePath))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no COPY to " + imagePath + " in " + copies));
  }

  private static List<Path> built(ContainerImage image, Stage from, String source, Instruction at) {
    String prefix = from.workdir() + "/" + image.module() + "/target/";
    if (!source.startsWith(prefix)) {
      throw new AssertionError(
          at
              + ": copies "
              + source
              + ", which is not under "
              + prefix
              + " (what the stage builds)");
    }
    Path relative = Path.of(source.substring(prefix.length()));
    Path dir = image.builtOutputs().resolve(relative).getParent();
    String name = relative.getFileName().toString();
    if (!name.contains("*") && !name.contains("?")) {
      Path built = dir.resolve(name);
      if (!Files.exists(built)) {
        throw new AssertionError(
            at + ": " + source + " is not in the build output (" + built + ")");
      }
      return List.of(built);
    }
    PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + name);
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> matched = files.filter(f -> glob.matches(f.getFileName())).sorted().toList();
      if (matched.isEmpty()) {
        throw new AssertionError(at + ": " + source + " matches nothing in " + dir);
      }
      return matched;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void place(Instruction copy, List<Path> sources, Path root, String destination) {
    Path dest = root.resolve(destination.substring(1));
    boolean intoDirectory = destination.endsWith("/") || sources.size() > 1;
    try {
      for (Path source : sources) {
        if (Files.isDirectory(source)) {
          copyTree(source, dest);
        } else if (intoDirectory) {
          Files.createDirectories(dest);
          Files.copy(source, dest.resolve(source.getFileName().toString()));
        } else {
          Files.createDirectories(dest.getParent());
          Files.copy(source, dest);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(copy + ": copying into " + dest, e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
