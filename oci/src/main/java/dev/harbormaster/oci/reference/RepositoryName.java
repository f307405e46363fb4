package dev.harbormaster.oci.reference;

/**
 * A repository on a registry, without tag or digest: where blobs and manifests live.
 *
 * @param registry the normalised registry, e.g. {@code docker.io} or {@code 127.0.0.1:5000}
 * @param repository the path, e.g. {@code library/nginx}
 */
public record RepositoryName(String registry, String repository) {

  /**
   * Parses a name such as {@code quay.io/acme/app} or {@code nginx} (normalised like an image
   * reference; a tag or digest is not allowed).
   *
   * @throws InvalidReferenceException naming the input and the rule it breaks
   */
  public static RepositoryName parse(String name) {
    ImageReference ref = ImageReference.parse(name);
    if (!ref.isTagDefaulted()) {
      throw new InvalidReferenceException(name, "a repository name must not have a tag or digest");
    }
    return ref.repositoryName();
  }

  /** The image {@code tag} in this repository. */
  public ImageReference withTag(String tag) {
    return ImageReference.parse(this + ":" + tag);
  }

  /** The image {@code digest} in this repository. */
  public ImageReference withDigest(dev.harbormaster.oci.digest.Digest digest) {
    return ImageReference.parse(this + "@" + digest);
  }

  /** {@code registry/repository}. */
  @Override
  public String toString() {
    return registry + "/" + repository;
  }
}
