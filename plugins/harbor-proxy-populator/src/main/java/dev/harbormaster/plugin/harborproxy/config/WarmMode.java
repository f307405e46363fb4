package dev.harbormaster.plugin.harborproxy.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * How much of an image is pulled through Harbor (see {@code notes/harbor-proxy-cache.md}).
 *
 * <ul>
 *   <li>{@link #MANIFESTS}: the index and the configured platforms' manifests; Harbor fetches the
 *       layers itself later (minutes) or on the first node pull. Cheap.
 *   <li>{@link #FULL}: also the config and layer blobs, streamed, verified and discarded: the cache
 *       is warm at once, at the cost of upstream traffic.
 * </ul>
 */
public enum WarmMode {
  /**
   * The index and the configured platforms' manifests; Harbor fetches the layers itself later
   * (minutes) or on the first node pull. Cheap.
   */
  MANIFESTS("manifests"),
  /**
   * Also the config and layer blobs, streamed, verified and discarded: the cache is warm at once,
   * at the cost of upstream traffic.
   */
  FULL("full");

  private final String configName;

  WarmMode(String configName) {
    this.configName = configName;
  }

  /** The name used in YAML and in the status document. */
  @JsonValue
  public String configName() {
    return configName;
  }

  /** Parses {@code manifests} or {@code full}, naming the accepted values otherwise. */
  @JsonCreator
  public static WarmMode parse(String value) {
    return Arrays.stream(values())
        .filter(m -> m.configName.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "mode \"" + value + "\" is not one of: manifests, full"));
  }
}
