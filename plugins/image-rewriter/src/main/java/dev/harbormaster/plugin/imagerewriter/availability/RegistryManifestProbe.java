package dev.harbormaster.plugin.imagerewriter.availability;

import dev.harbormaster.oci.manifest.ImageIndex;
import dev.harbormaster.oci.manifest.Manifest;
import dev.harbormaster.oci.manifest.MediaTypes;
import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.ManifestInfo;
import dev.harbormaster.oci.registry.NotFoundException;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.oci.registry.RegistryException;
import java.util.List;
import java.util.Optional;

/**
 * The existence check through the shared {@link RegistryClient}: {@code HEAD} of the manifest on
 * the mirror (not counted as a pull by Docker Hub); when platforms are asked for and the answer is
 * an index, a {@code GET} of the index by its digest to see that every platform is listed
 * (attestation entries never count). A single-platform manifest is taken as it is: its platform
 * lives in the config blob, which this check does not fetch.
 *
 * <p>404 is a miss; any other failure (429, 5xx, timeouts, refused connections, auth failures) is
 * {@link ProbeResult.Failed}, so the caller keeps the original image rather than guess.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#checking-if-content-exists-in-the-registry">checking
 *     if content exists</a>
 */
public final class RegistryManifestProbe implements MirrorProbe {
  private final RegistryClient client;

  /**
   * @param client the client to ask, typically with short limits ({@link
   *     RegistryClient#withLimits}) since this runs on the admission path
   */
  public RegistryManifestProbe(RegistryClient client) {
    this.client = client;
  }

  @Override
  public ProbeResult probe(ImageReference image, List<Platform> platforms) {
    try {
      Optional<ManifestInfo> head = client.headManifest(image);
      if (head.isEmpty()) {
        return new ProbeResult.Missing("is not on the mirror");
      }
      boolean index = head.get().mediaType().map(MediaTypes::isIndex).orElse(true);
      if (platforms.isEmpty() || !index) {
        return new ProbeResult.Present();
      }
      ImageReference pinned = head.get().digest().map(image::withDigest).orElse(image);
      Manifest manifest = client.getManifest(pinned).parse();
      if (!(manifest instanceof ImageIndex imageIndex)) {
        return new ProbeResult.Present();
      }
      List<String> lacking =
          platforms.stream()
              .filter(p -> imageIndex.select(p).isEmpty())
              .map(Platform::toString)
              .toList();
      return lacking.isEmpty()
          ? new ProbeResult.Present()
          : new ProbeResult.Missing("lacks platform " + String.join(", ", lacking));
    } catch (NotFoundException e) {
      return new ProbeResult.Missing("is not on the mirror");
    } catch (RegistryException e) {
      return new ProbeResult.Failed(e.getMessage());
    } catch (RuntimeException e) {
      return new ProbeResult.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
