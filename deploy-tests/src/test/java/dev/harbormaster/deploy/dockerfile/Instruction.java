package dev.harbormaster.deploy.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Dockerfile instruction.
 *
 * @param line the line it starts on (1-based)
 * @param keyword the instruction, upper case ({@code FROM}, {@code COPY}, ...)
 * @param flags its leading {@code --name=value} flags ({@code --from=build}; a bare {@code --link}
 *     has the value {@code ""})
 * @param arguments the rest of the instruction, continuation lines joined, trimmed
 * @param execForm the arguments as a JSON string array (exec form), when they are one
 * @see <a href="https://docs.docker.com/reference/dockerfile/#shell-and-exec-form">shell and exec
 *     form</a>
 */
public record Instruction(
    int line,
    String keyword,
    Map<String, String> flags,
    String arguments,
    Optional<List<String>> execForm) {

  /** Copies the collections. */
  public Instruction {
    flags = Map.copyOf(flags);
    execForm = execForm.map(List::copyOf);
  }

  /** The value of flag {@code name} (without the leading dashes). */
  public Optional<String> flag(String name) {
    return Optional.ofNullable(flags.get(name));
  }

  /** True for the exec form ({@code ["executable", "arg"]}), which runs without a shell. */
  public boolean isExecForm() {
    return execForm.isPresent();
  }

  /** The arguments split on whitespace (COPY sources and destination, FROM, USER, EXPOSE...). */
  public List<String> words() {
    return arguments.isBlank() ? List.of() : List.of(arguments.trim().split("\\s+"));
  }

  /** The exec form's list, or an error naming the line when the shell form was used. */
  public List<String> execFormOrFail() {
    return execForm.orElseThrow(
        () ->
            new IllegalStateException(
                "line " + line + ": " + keyword + " uses the shell form: " + arguments));
  }

  @Override
  public String toString() {
    return "line " + line + ": " + keyword + " " + arguments;
  }
}
