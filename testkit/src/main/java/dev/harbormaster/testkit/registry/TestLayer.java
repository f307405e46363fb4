package dev.harbormaster.testkit.registry;

/**
 * A gzip tar layer written by {@link TestImages}.
 *
 * @param blob the compressed blob (what the registry stores and serves)
 * @param diffId {@code sha256:} of the uncompressed tar (listed in the config's rootfs)
 * @param contentSize number of random payload bytes in the layer's single file
 */
public record TestLayer(Descriptor blob, String diffId, long contentSize) {}
