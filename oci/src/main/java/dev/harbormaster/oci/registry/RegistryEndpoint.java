package dev.harbormaster.oci.registry;

import okhttp3.HttpUrl;

/**
 * Where a registry's API is served.
 *
 * @param registry the normalised registry name ({@code docker.io}), the key for credentials, tokens
 *     and throttling
 * @param baseUrl the API base, e.g. {@code https://registry-1.docker.io/}
 */
record RegistryEndpoint(String registry, HttpUrl baseUrl) {

  /** {@code <base>/v2/<repository>/<kind>/<reference>}. */
  HttpUrl url(String repository, String kind, String reference) {
    return baseUrl
        .newBuilder()
        .addPathSegment("v2")
        .addPathSegments(repository)
        .addPathSegment(kind)
        .addPathSegment(reference)
        .build();
  }
}
