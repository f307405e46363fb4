package dev.harbormaster.plugin.imagerewriter;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an instance does with images no mirror serves. */
public enum Mode {
  /** Rewrite what a mirror serves, keep the rest with a warning (default). */
  REWRITE("rewrite"),
  /**
   * Rewrite what a mirror serves and deny (403) a pod with any image no rule serves, naming each;
   * in validating scope it only decides.
   */
  ONLY_MIRRORED("only-mirrored");

  private final String configName;

  Mode(String configName) {
    this.configName = configName;
  }

  /** The name in the config ({@code mode: only-mirrored}). */
  public String configName() {
    return configName;
  }

  /**
   * The mode called {@code name}.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static Mode parse(String name) {
    return Arrays.stream(values())
        .filter(m -> m.configName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "mode: '"
                        + name
                        + "' is unknown; use one of "
                        + Arrays.stream(values())
                            .map(Mode::configName)
                            .collect(Collectors.joining(", "))));
  }
}
