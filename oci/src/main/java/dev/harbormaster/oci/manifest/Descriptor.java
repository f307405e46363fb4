package dev.harbormaster.oci.manifest;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.platform.Platform;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A content descriptor: what a manifest says about a blob or child manifest. Media types and
 * artifact types are kept as written, known or not.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md">OCI
 *     descriptor</a>
 * @param mediaType the media type as written
 * @param digest the content digest
 * @param size the size in bytes
 * @param platform the platform of an index entry
 * @param artifactType the artifact type, if any
 * @param urls alternative download locations (non-distributable layers)
 * @param annotations the annotations, possibly empty
 */
public record Descriptor(
    String mediaType,
    Digest digest,
    long size,
    Optional<Platform> platform,
    Optional<String> artifactType,
    List<String> urls,
    Map<String, String> annotations) {

  /** Copies the collections. */
  public Descriptor {
    urls = List.copyOf(urls);
    annotations = Map.copyOf(annotations);
  }

  /**
   * Whether this is an attestation entry of an index (platform {@code unknown/unknown}, or
   * BuildKit's {@code vnd.docker.reference.type: attestation-manifest} annotation).
   */
  public boolean isAttestation() {
    return platform.map(Platform::isUnknown).orElse(false)
        || "attestation-manifest".equals(annotations.get("vnd.docker.reference.type"));
  }

  /** Whether this layer must not be uploaded elsewhere (foreign media type or {@code urls}). */
  public boolean isNonDistributable() {
    return MediaTypes.isNonDistributable(mediaType) || !urls.isEmpty();
  }
}
