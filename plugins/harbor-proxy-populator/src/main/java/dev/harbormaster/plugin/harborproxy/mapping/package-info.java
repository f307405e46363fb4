/**
 * From a pod's image to the Harbor proxy reference that warms it (see {@code
 * notes/harbor-proxy-cache.md} and {@code notes/image-references.md}). Pure: no I/O, safe on the
 * admission path.
 */
package dev.harbormaster.plugin.harborproxy.mapping;
