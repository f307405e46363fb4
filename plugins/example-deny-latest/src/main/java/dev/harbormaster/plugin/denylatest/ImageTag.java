package dev.harbormaster.plugin.denylatest;

/**
 * Whether an image reference floats on the {@code latest} tag.
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
   */
  public static Pinning of(String image) {
    if (image.indexOf('@') >= 0) {
      return Pinning.DIGEST;
    }
    String lastSegment = image.substring(image.lastIndexOf('/') + 1);
    int colon = lastSegment.indexOf(':');
    if (colon < 0) {
      return Pinning.IMPLICIT_LATEST;
    }
    return lastSegment.substring(colon + 1).equals(LATEST) ? Pinning.EXPLICIT_LATEST : Pinning.TAG;
  }

  /** True when {@code image} floats on {@code latest}, explicitly or implicitly. */
  public static boolean floatsOnLatest(String image) {
    Pinning pinning = of(image);
    return pinning == Pinning.EXPLICIT_LATEST || pinning == Pinning.IMPLICIT_LATEST;
  }
}
