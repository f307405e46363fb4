package dev.harbormaster.oci.manifest;

import dev.harbormaster.oci.platform.Platform;
import java.util.List;
import java.util.Optional;

/**
 * An image index (OCI) or manifest list (Docker): one manifest per platform, plus attestation
 * entries ({@code unknown/unknown}) and any other entries, all kept in order.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">OCI image
 *     index</a>
 * @param mediaType the index's media type
 * @param manifests every entry, as written
 * @param subject the manifest this one refers to, if any
 * @param artifactType the artifact type, if any
 */
public record ImageIndex(
    String mediaType,
    List<Descriptor> manifests,
    Optional<Descriptor> subject,
    Optional<String> artifactType)
    implements Manifest {

  /** Copies the entry list. */
  public ImageIndex {
    manifests = List.copyOf(manifests);
  }

  /** The first entry serving {@code platform} (attestations never match). */
  public Optional<Descriptor> select(Platform platform) {
    return platformManifests().stream()
        .filter(d -> d.platform().map(platform::matches).orElse(false))
        .findFirst();
  }

  /** Entries that are not attestations. */
  public List<Descriptor> platformManifests() {
    return manifests.stream().filter(d -> !d.isAttestation()).toList();
  }

  /** Attestation entries (provenance, SBOM) that refer to platform manifests. */
  public List<Descriptor> attestations() {
    return manifests.stream().filter(Descriptor::isAttestation).toList();
  }

  /** The platforms of the non-attestation entries, in order. */
  public List<Platform> platforms() {
    return platformManifests().stream().flatMap(d -> d.platform().stream()).toList();
  }
}
