package dev.harbormaster.testkit.registry;

/**
 * A content descriptor of something a {@link TestImage} wrote: media type, digest and size.
 *
 * @param mediaType e.g. {@code application/vnd.oci.image.manifest.v1+json}
 * @param digest {@code sha256:<64 hex>} of the exact bytes written
 * @param size size in bytes
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md">OCI
 *     descriptor</a>
 */
public record Descriptor(String mediaType, String digest, long size) {

  /** The hex part of the digest (the file name under {@code blobs/sha256/}). */
  public String hex() {
    return digest.substring(digest.indexOf(':') + 1);
  }
}
