/** Byte-identical image copies between repositories and registries. */
package dev.harbormaster.oci.copy;
