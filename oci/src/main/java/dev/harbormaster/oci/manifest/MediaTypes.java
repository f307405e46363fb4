package dev.harbormaster.oci.manifest;

import java.util.List;

/**
 * Manifest media types and the single {@code Accept} header sent on every manifest request (a
 * narrower one can return a different manifest or a 404).
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/media-types.md">OCI media
 *     types</a>
 */
public final class MediaTypes {
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_MANIFEST =
      "application/vnd.docker.distribution.manifest.v2+json";

  /** The four manifest media types, in preference order. */
  public static final List<String> MANIFEST_TYPES =
      List.of(OCI_INDEX, OCI_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_MANIFEST);

  /** The value of the {@code Accept} header of manifest requests: all four, comma-joined. */
  public static final String MANIFEST_ACCEPT = String.join(", ", MANIFEST_TYPES);

  private MediaTypes() {}

  /** Whether {@code mediaType} is an index (OCI index or Docker manifest list). */
  public static boolean isIndex(String mediaType) {
    return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
  }

  /** Whether {@code mediaType} is an image manifest (OCI or Docker v2 schema 2). */
  public static boolean isImageManifest(String mediaType) {
    return OCI_MANIFEST.equals(mediaType) || DOCKER_MANIFEST.equals(mediaType);
  }

  /**
   * Whether a layer of this media type must not be uploaded to another registry (Windows foreign
   * layers, OCI non-distributable layers): the manifest is kept as is and points to its {@code
   * urls}.
   */
  public static boolean isNonDistributable(String mediaType) {
    return mediaType.startsWith("application/vnd.docker.image.rootfs.foreign.")
        || mediaType.startsWith("application/vnd.oci.image.layer.nondistributable.");
  }
}
