package dev.harbormaster.deploy;

import dev.harbormaster.deploy.dockerfile.Instruction;
import dev.harbormaster.deploy.dockerfile.Stage;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a container runs, as the kubelet starts it from an image and a container spec: the image's
 * ENTRYPOINT followed by the container's {@code args} (or the image's CMD without them), with the
 * image's ENV overridden by the container's {@code env}. {@link #local} maps it onto an {@link
 * ImageFilesystem}: every absolute path (also in {@code -Dname=/path}) moves below the local root,
 * except the base image's Java, which becomes the JDK running the tests.
 *
 * @param command the program and its arguments, as in the container
 * @param environment the environment, as in the container
 * @see <a
 *     href="https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#notes">command
 *     and args</a>
 */
record ImageCommand(List<String> command, Map<String, String> environment) {
  /** Where distroless Java images have their {@code java}. */
  static final String IMAGE_JAVA = "/usr/bin/java";

  private static final Pattern ENV_PAIR =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"([^\"]*)\"|\\S+)");
  private static final Pattern SYSTEM_PROPERTY_PATH = Pattern.compile("(-D[^=]+=)(/.*)");

  /** Copies the collections. */
  ImageCommand {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  /** What {@code container} runs from the image of {@code stage}. */
  static ImageCommand of(Stage stage, Container container) {
    if (container.getCommand() != null && !container.getCommand().isEmpty()) {
      throw new AssertionError(
          container.getName() + " overrides the image's ENTRYPOINT with " + container.getCommand());
    }
    List<String> command = new ArrayList<>(entrypoint(stage));
    List<String> args = container.getArgs();
    command.addAll(
        args == null || args.isEmpty()
            ? stage.last("CMD").map(Instruction::execFormOrFail).orElse(List.of())
            : args);
    Map<String, String> env = new LinkedHashMap<>(imageEnv(stage));
    if (container.getEnv() != null) {
      for (EnvVar e : container.getEnv()) {
        if (e.getValue() != null) {
          env.put(e.getName(), e.getValue());
        }
      }
    }
    return new ImageCommand(command, env);
  }

  /** The stage's ENTRYPOINT, exec form. */
  static List<String> entrypoint(Stage stage) {
    return stage
        .last("ENTRYPOINT")
        .map(Instruction::execFormOrFail)
        .orElseThrow(() -> new AssertionError("the image has no ENTRYPOINT"));
  }

  /** The ENV of {@code stage} ({@code ENV K=V K2="V 2"}). */
  static Map<String, String> imageEnv(Stage stage) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Instruction i : stage.all("ENV")) {
      Matcher m = ENV_PAIR.matcher(i.arguments());
      while (m.find()) {
        env.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
      }
    }
    return env;
  }

  /** This command with its paths moved below {@code fs}'s root and {@code java} for the image's. */
  ImageCommand local(ImageFilesystem fs, Path java) {
    List<String> mapped = new ArrayList<>();
    for (String word : command) {
      mapped.add(word.equals(IMAGE_JAVA) ? java.toString() : mapWord(fs, word));
    }
    Map<String, String> env = new LinkedHashMap<>();
    environment.forEach(
        (k, v) -> {
          List<String> words = new ArrayList<>();
          for (String w : v.split(" ")) {
            words.add(mapWord(fs, w));
          }
          env.put(k, String.join(" ", words));
        });
    return new ImageCommand(mapped, env);
  }

  private static String mapWord(ImageFilesystem fs, String word) {
    if (word.startsWith("/")) {
      return fs.resolve(word).toString();
    }
    Matcher m = SYSTEM_PROPERTY_PATH.matcher(word);
    return m.matches() ? m.group(1) + fs.resolve(m.group(2)) : word;
  }
}
