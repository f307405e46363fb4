/** Platforms {@code os/arch[/variant]}, normalised and matched like containerd does. */
package dev.harbormaster.oci.platform;
