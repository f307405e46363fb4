package dev.harbormaster.oci.manifest;

/**
 * A parsed view of {@link ManifestBytes}: an index, an image manifest, or a manifest of a type this
 * client does not interpret (kept, never an error). The bytes stay the source of truth.
 */
public sealed interface Manifest permits ImageIndex, ImageManifest, OtherManifest {
  /** The media type of the manifest. */
  String mediaType();
}
