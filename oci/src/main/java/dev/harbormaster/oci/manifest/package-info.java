/**
 * Manifests kept as raw bytes ({@link dev.harbormaster.oci.manifest.ManifestBytes}) with parsed
 * views (index, image manifest, other) that never drop unknown media or artifact types; the single
 * manifest {@code Accept} header; platform selection in an index.
 */
package dev.harbormaster.oci.manifest;
