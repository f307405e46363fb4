/**
 * Image references: {@link dev.harbormaster.oci.reference.ImageReference} parses and normalises
 * every form a pod spec may hold (Docker Hub aliases and {@code library/}, ports, loopback hosts,
 * tag, digest, tag@digest, length limits) with exact error messages, and renders full and familiar
 * forms; {@link dev.harbormaster.oci.reference.RepositoryPrefix} matches names at path-segment
 * boundaries. Used on the admission path: no regular expressions, linear time.
 */
package dev.harbormaster.oci.reference;
