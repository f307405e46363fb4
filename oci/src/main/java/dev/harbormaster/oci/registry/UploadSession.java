package dev.harbormaster.oci.registry;

import java.util.OptionalLong;
import okhttp3.HttpUrl;

/**
 * An open blob upload: its absolute {@code Location} (existing query parameters kept) and the
 * registry's minimum chunk size from {@code OCI-Chunk-Min-Length}.
 *
 * @param location where to PATCH/PUT next
 * @param minChunkLength the minimum PATCH size, if the registry set one
 */
record UploadSession(HttpUrl location, OptionalLong minChunkLength) {

  static UploadSession from(okhttp3.Response response, UploadSession previous) {
    String header = response.header("OCI-Chunk-Min-Length");
    OptionalLong min = previous == null ? OptionalLong.empty() : previous.minChunkLength();
    if (header != null) {
      try {
        min = OptionalLong.of(Long.parseLong(header.trim()));
      } catch (NumberFormatException e) {
        // keep what we knew
      }
    }
    return new UploadSession(location(response), min);
  }

  static HttpUrl location(okhttp3.Response response) {
    String location = response.header("Location");
    HttpUrl base = response.request().url();
    HttpUrl resolved = location == null ? null : base.resolve(location);
    if (resolved == null) {
      throw new IllegalStateException(
          "upload answer " + response.code() + " from " + base + " has no usable Location");
    }
    return resolved;
  }
}
