package dev.harbormaster.deploy;

import dev.harbormaster.deploy.dockerfile.Dockerfile;
import java.util.List;
import java.util.Optional;

/**
 * The {@code docker build} command a Dockerfile's comments document (the one a user copies).
 *
 * @param command the command as written
 * @param tag the {@code -t} image name
 * @param file the {@code -f} Dockerfile, if given (relative to where the command runs)
 * @param context the build context (the last word)
 * @see <a href="https://docs.docker.com/reference/cli/docker/buildx/build/">docker build</a>
 */
record DocumentedBuild(String command, String tag, Optional<String> file, String context) {

  /**
   * The one {@code docker build} line of {@code dockerfile}'s comments.
   *
   * @throws AssertionError when there is none, several, or one without {@code -t}
   */
  static DocumentedBuild of(Dockerfile dockerfile) {
    List<String> lines =
        dockerfile.comments().stream().filter(c -> c.startsWith("docker build ")).toList();
    if (lines.size() != 1) {
      throw new AssertionError(
          dockerfile.source() + " documents " + lines.size() + " docker build commands: " + lines);
    }
    List<String> words = List.of(lines.getFirst().split("\\s+"));
    String tag = null;
    String file = null;
    for (int i = 2; i < words.size() - 1; i++) {
      switch (words.get(i)) {
        case "-t", "--tag" -> tag = words.get(++i);
        case "-f", "--file" -> file = words.get(++i);
        default -> {}
      }
    }
    if (tag == null) {
      throw new AssertionError(dockerfile.source() + ": no -t in " + lines.getFirst());
    }
    return new DocumentedBuild(lines.getFirst(), tag, Optional.ofNullable(file), words.getLast());
  }
}
