package dev.harbormaster.testkit.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the same image in containers-image's {@code dir:} transport layout ({@code version},
 * {@code manifest.json}, {@code <hex>.manifest.json} per index child, blobs named by hex). Needed
 * for Docker media types: skopeo's {@code oci:} transport only resolves tags whose {@code
 * index.json} entry has an OCI media type.
 *
 * @see <a
 *     href="https://github.com/containers/image/blob/main/docs/containers-transports.5.md">containers-transports(5)</a>
 */
final class DirTransportWriter {

  private DirTransportWriter() {}

  static void write(
      Path target,
      OciLayoutWriter layout,
      Descriptor top,
      List<TestPlatformImage> images,
      boolean isIndex)
      throws IOException {
    Files.createDirectories(target);
    Files.writeString(
        target.resolve("version"), "Directory Transport Version: 1.1\n", StandardCharsets.UTF_8);
    link(layout.blobPath(top), target.resolve("manifest.json"));
    for (TestPlatformImage image : images) {
      if (isIndex) {
        link(
            layout.blobPath(image.manifest()),
            target.resolve(image.manifest().hex() + ".manifest.json"));
      }
      link(layout.blobPath(image.config()), target.resolve(image.config().hex()));
      for (TestLayer layer : image.layers()) {
        link(layout.blobPath(layer.blob()), target.resolve(layer.blob().hex()));
      }
    }
  }

  private static void link(Path existing, Path link) throws IOException {
    if (Files.exists(link)) {
      return;
    }
    try {
      Files.createLink(link, existing);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(existing, link);
    }
  }
}
