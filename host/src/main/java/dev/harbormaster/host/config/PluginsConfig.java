package dev.harbormaster.host.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code plugins} block.
 *
 * @param dir directory holding plugin jars, relative to the config file's directory (default {@code
 *     plugins}); {@code ${harbormaster.home}} expands to the system property of that name
 * @param sha256 optional pins: plugin id to the lowercase hex sha256 of its jar
 */
public record PluginsConfig(String dir, Map<String, String> sha256) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  /** Fills defaults and validates the pins. */
  public PluginsConfig {
    dir = dir == null || dir.isBlank() ? "plugins" : dir.strip();
    sha256 = sha256 == null ? Map.of() : Map.copyOf(sha256);
    sha256.forEach(
        (id, hex) -> {
          if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException(
                "plugins.sha256."
                    + id
                    + " must be 64 lowercase hex characters (sha256sum of the jar), got '"
                    + hex
                    + "'");
          }
        });
  }
}
