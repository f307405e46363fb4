package dev.harbormaster.deploy.dockerfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A parsed Dockerfile: its stages and its comments (where a Dockerfile documents how it is built).
 *
 * @param source where it was read from, for messages
 * @param stages the build stages in order; the last one is the image
 * @param comments the text of every comment line, without the {@code #}
 */
public record Dockerfile(String source, List<Stage> stages, List<String> comments) {

  /** Copies the lists. */
  public Dockerfile {
    stages = List.copyOf(stages);
    comments = List.copyOf(comments);
  }

  /**
   * Reads and parses {@code file}.
   *
   * @throws IllegalArgumentException naming the file and line of anything it cannot parse
   */
  public static Dockerfile read(Path file) {
    try {
      return DockerfileParser.parse(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  /** Parses {@code text}; {@code source} names it in messages. */
  public static Dockerfile parse(String source, String text) {
    return DockerfileParser.parse(source, text);
  }

  /** The last stage: what {@code docker build} produces without {@code --target}. */
  public Stage finalStage() {
    return stages.getLast();
  }

  /**
   * The stage a {@code COPY --from=} names: an earlier stage's {@code AS} name or index. Empty when
   * it names an image instead.
   */
  public Optional<Stage> stage(String nameOrIndex) {
    for (Stage s : stages) {
      if (s.name().filter(nameOrIndex::equalsIgnoreCase).isPresent()
          || String.valueOf(s.index()).equals(nameOrIndex)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
