package dev.harbormaster.oci.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An image manifest (OCI or Docker v2 schema 2), including artifacts (which set {@code
 * artifactType} or an unusual config media type).
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/manifest.md">OCI image
 *     manifest</a>
 * @param mediaType the manifest's media type
 * @param config the config blob
 * @param layers the layers in order
 * @param subject the manifest this one refers to (signatures, SBOMs...)
 * @param artifactType the artifact type, if any
 */
public record ImageManifest(
    String mediaType,
    Descriptor config,
    List<Descriptor> layers,
    Optional<Descriptor> subject,
    Optional<String> artifactType)
    implements Manifest {

  /** Copies the layer list. */
  public ImageManifest {
    layers = List.copyOf(layers);
  }

  /** Config and layers: every blob the manifest references. */
  public List<Descriptor> blobs() {
    List<Descriptor> all = new ArrayList<>(layers.size() + 1);
    all.add(config);
    all.addAll(layers);
    return all;
  }

  /** The blobs that may be copied to another registry (non-distributable layers left out). */
  public List<Descriptor> distributableBlobs() {
    return blobs().stream().filter(d -> !d.isNonDistributable()).toList();
  }

  /** The sum of config and layer sizes. */
  public long totalSize() {
    return blobs().stream().mapToLong(Descriptor::size).sum();
  }
}
