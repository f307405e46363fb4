package dev.harbormaster.plugin.denylatest;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.InvalidReferenceException;

/**
 * Whether an image reference floats on the {@code latest} tag, judged with the shared reference
 * parser ({@link ImageReference}, bundled into this plugin's jar).
 *
 * <p>A reference {@code [host[:port]/]path[:tag][@digest]} floats on {@code latest} when its tag is
 * {@code latest}, or when it has neither tag nor digest (the runtime then pulls {@code latest}). A
 * reference with a digest is pinned whatever its tag says, because runtimes pull by the digest.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/containers/images/#image-names">Kubernetes
 *     image names</a>
 */
public final class ImageTag {
  private static final String LATEST = "latest";

  private ImageTag() {}

  /** What a reference says about its version. */
  public enum Pinning {
    /** Pinned by a digest ({@code @sha256:...}), with or without a tag. */
    DIGEST,
    /** A tag other than {@code latest}. */
    TAG,
    /** The tag {@code latest}, written out. */
    EXPLICIT_LATEST,
    /** No tag and no digest: the runtime pulls {@code latest}. */
    IMPLICIT_LATEST
  }

  /**
   * Classifies {@code image}. A {@code :} before the last {@code /} belongs to the registry host
   * ({@code registry:5000/app} has no tag).
   *
   * @throws InvalidReferenceException when {@code image} is not a valid reference; the message
   *     names the image and the rule it breaks
   */
  public static Pinning of(String image) {
    ImageReference reference = ImageReference.parse(image);
    if (reference.digest().isPresent()) {
      return Pinning.DIGEST;
    }
    if (reference.isTagDefaulted()) {
      return Pinning.IMPLICIT_LATEST;
    }
    return reference.tag().filter(LATEST::equals).isPresent()
        ? Pinning.EXPLICIT_LATEST
        : Pinning.TAG;
  }

  /**
   * True when {@code image} floats on {@code latest}, explicitly or implicitly.
   *
   * @throws InvalidReferenceException when {@code image} is not a valid reference
   */
  public static boolean floatsOnLatest(String image) {
    Pinning pinning = of(image);
    return pinning == Pinning.EXPLICIT_LATEST || pinning == Pinning.IMPLICIT_LATEST;
  }
}
