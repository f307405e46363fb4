package dev.harbormaster.plugin.imagerewriter.rules;

import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.RepositoryPrefix;
import java.util.List;
import java.util.Objects;

/**
 * One compiled rewrite rule: which images it takes, where it sends them and whether the mirror is
 * asked first.
 *
 * @param name the rule's name (metric tag, messages): configured, or {@code rules[i]}
 * @param match what the rule takes
 * @param excludes images the rule leaves alone even though {@code match} takes them
 * @param mirror the mirror prefix images are rewritten below
 * @param layout how the path below the mirror is built
 * @param checkAvailability whether the rewritten manifest must exist on the mirror first
 * @param platforms platforms an index on the mirror must list (only with {@code checkAvailability})
 */
public record Rule(
    String name,
    ImageMatcher match,
    List<ImageMatcher> excludes,
    RepositoryPrefix mirror,
    MirrorLayout layout,
    boolean checkAvailability,
    List<Platform> platforms) {

  /** Rejects nulls and copies the lists. */
  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(match, "match");
    excludes = List.copyOf(excludes);
    Objects.requireNonNull(mirror, "mirror");
    Objects.requireNonNull(layout, "layout");
    platforms = List.copyOf(platforms);
  }

  /** Whether this rule takes {@code image}: {@code match} matches and no exclusion does. */
  public boolean takes(ImageReference image) {
    return match.matches(image) && excludes.stream().noneMatch(e -> e.matches(image));
  }

  /** Whether {@code image} already lives below this rule's mirror (was rewritten before). */
  public boolean mirrors(ImageReference image) {
    return mirror.matches(image);
  }

  /**
   * The mirror image for {@code image}, which this rule {@link #takes}: same tag and digest,
   * verbatim ({@code tag@digest} stays whole).
   *
   * @throws IllegalArgumentException when the result is not a valid reference, e.g. longer than 255
   *     characters, or the layout cannot encode the source registry
   */
  public ImageReference target(ImageReference image) {
    String below = layout.pathBelowMirror(image, match.below(image));
    String name = below.isEmpty() ? mirror.toString() : mirror + "/" + below;
    return image.withName(name);
  }
}
