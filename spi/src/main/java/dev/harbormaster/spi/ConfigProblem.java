package dev.harbormaster.spi;

import java.util.Objects;

/**
 * One problem found in an instance's config.
 *
 * @param path JSON path below the instance's {@code config}, for example {@code rules[2].match}
 * @param message what is wrong, with the offending value and what would be accepted
 */
public record ConfigProblem(String path, String message) {
  /** Rejects nulls. */
  public ConfigProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
