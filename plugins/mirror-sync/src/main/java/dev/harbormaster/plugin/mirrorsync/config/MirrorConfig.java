package dev.harbormaster.plugin.mirrorsync.config;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.InvalidReferenceException;
import dev.harbormaster.oci.reference.RepositoryName;

/**
 * One upstream repository to mirror.
 *
 * @param source the repository, normalised like an image reference without tag ({@code nginx} is
 *     {@code docker.io/library/nginx})
 * @param tags which tags (default: every tag)
 * @param platforms {@code all} (default: byte-identical, digests stay equal) or a list of {@code
 *     os/arch[/variant]}; a list pushes a NEW index whose digest differs from upstream's
 */
public record MirrorConfig(String source, TagsConfig tags, PlatformSelection platforms) {

  /** Applies defaults and checks the source. */
  public MirrorConfig {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(
          "mirrors[].source is required, e.g. docker.io/library/nginx");
    }
    try {
      ImageReference parsed = ImageReference.parse(source);
      if (parsed.digest().isPresent() || !parsed.isTagDefaulted()) {
        throw new IllegalArgumentException(
            "source '" + source + "' must be a repository without tag or digest");
      }
    } catch (InvalidReferenceException e) {
      throw new IllegalArgumentException(
          "source '" + source + "' is not a valid repository: " + e.getMessage());
    }
    tags = tags == null ? TagsConfig.all() : tags;
    platforms = platforms == null ? PlatformSelection.ALL : platforms;
  }

  /** The normalised source repository. */
  public RepositoryName sourceRepository() {
    return ImageReference.parse(source).repositoryName();
  }
}
