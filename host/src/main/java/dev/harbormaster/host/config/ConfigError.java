package dev.harbormaster.host.config;

import java.util.Optional;

/**
 * One problem in a config file.
 *
 * @param source the file (or embedded resource) the problem is in
 * @param instance the instance the problem belongs to, if any
 * @param path JSON path of the offending field from the file's root, for example {@code
 *     instances[1].config.rules[0].pattern}
 * @param message what is wrong, with the value and what would be accepted
 */
public record ConfigError(String source, Optional<String> instance, String path, String message) {

  @Override
  public String toString() {
    return source
        + ": "
        + instance.map(name -> "instance '" + name + "': ").orElse("")
        + path
        + ": "
        + message;
  }
}
