package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.digest.Digest;
import java.util.Optional;
import okhttp3.Response;

/** Reads {@code Docker-Content-Digest}, which registries may omit or (for tags) get wrong. */
final class ContentDigestHeader {
  private ContentDigestHeader() {}

  static Optional<Digest> read(Response response) {
    String value = response.header("Docker-Content-Digest");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Digest.parse(value.trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
