package dev.harbormaster.plugin.mirrorsync.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.harbormaster.oci.platform.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The platforms of an index that are mirrored: {@code all} (byte-identical copy, the index digest
 * stays equal) or a list such as {@code [linux/amd64, linux/arm64]}. Filtering pushes a NEW index
 * holding only the matching entries: its digest differs from upstream's, so references by the
 * upstream digest do not resolve in the mirror.
 *
 * @param platforms the selected platforms; empty means all
 */
public record PlatformSelection(List<Platform> platforms) {
  /** Every platform: the default. */
  public static final PlatformSelection ALL = new PlatformSelection(List.of());

  /** Copies the list. */
  public PlatformSelection {
    platforms = List.copyOf(platforms);
  }

  /** Binds {@code all} or a list of {@code os/arch[/variant]}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static PlatformSelection of(JsonNode node) {
    if (node.isString() && node.asString().equals("all")) {
      return ALL;
    }
    if (node.isArray() && !node.isEmpty()) {
      List<Platform> list = new ArrayList<>();
      for (JsonNode p : node) {
        if (!p.isString()) {
          throw new IllegalArgumentException(
              "platforms: entries must be strings such as linux/amd64, got " + p);
        }
        try {
          list.add(Platform.parse(p.asString()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "platforms: '" + p.asString() + "' is not os/arch[/variant]: " + e.getMessage());
        }
      }
      return new PlatformSelection(list);
    }
    throw new IllegalArgumentException(
        "platforms must be 'all' or a non-empty list such as [linux/amd64], got " + node);
  }

  /** True for {@code all}. */
  public boolean isAll() {
    return platforms.isEmpty();
  }

  /** The selection as a set (empty: all). */
  public Set<Platform> asSet() {
    return Set.copyOf(platforms);
  }
}
