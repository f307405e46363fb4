package dev.harbormaster.testkit.registry;

import java.util.List;

/**
 * One image manifest written by {@link TestImages}, with its config and layers.
 *
 * @param platform {@code os/arch[/variant]}, e.g. {@code linux/arm64/v8}; {@code unknown/unknown}
 *     for an attestation manifest
 * @param manifest the image manifest blob
 * @param config the config blob
 * @param layers the layers, in manifest order
 */
public record TestPlatformImage(
    String platform, Descriptor manifest, Descriptor config, List<TestLayer> layers) {

  /** Copies the layers. */
  public TestPlatformImage {
    layers = List.copyOf(layers);
  }
}
