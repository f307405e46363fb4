package dev.harbormaster.testkit.registry;

/**
 * Media types a {@link TestImages} image is written with: OCI (the default) or Docker image
 * manifest v2 schema 2 (what Docker Hub serves for most images).
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/media-types.md">OCI media
 *     types</a>
 * @see <a href="https://distribution.github.io/distribution/spec/manifest-v2-2/">Docker image
 *     manifest v2 schema 2</a>
 */
public enum ImageFormat {
  /** {@code application/vnd.oci.image.*}. */
  OCI(
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.oci.image.config.v1+json",
      "application/vnd.oci.image.layer.v1.tar+gzip"),
  /** {@code application/vnd.docker.distribution.manifest.*} and friends. */
  DOCKER(
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.docker.container.image.v1+json",
      "application/vnd.docker.image.rootfs.diff.tar.gzip");

  private final String index;
  private final String manifest;
  private final String config;
  private final String layer;

  ImageFormat(String index, String manifest, String config, String layer) {
    this.index = index;
    this.manifest = manifest;
    this.config = config;
    this.layer = layer;
  }

  /** Media type of a multi-platform index (Docker: manifest list). */
  public String indexMediaType() {
    return index;
  }

  /** Media type of an image manifest. */
  public String manifestMediaType() {
    return manifest;
  }

  /** Media type of an image config. */
  public String configMediaType() {
    return config;
  }

  /** Media type of a gzip tar layer. */
  public String layerMediaType() {
    return layer;
  }
}
