package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.manifest.ManifestBytes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code PUT /v2/<name>/manifests/<tag|digest>} of the original bytes with {@code Content-Type}
 * equal to the manifest's media type, so the digest is preserved.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pushing-manifests">pushing
 *     manifests</a>
 */
final class ManifestPusher implements RegistryOperation<Digest> {
  private final RegistryEndpoint endpoint;
  private final String repository;
  private final String reference;
  private final ManifestBytes manifest;

  /**
   * @param reference a tag, or the manifest's digest
   */
  ManifestPusher(
      RegistryEndpoint endpoint, String repository, String reference, ManifestBytes manifest) {
    this.endpoint = endpoint;
    this.repository = repository;
    this.reference = reference;
    this.manifest = manifest;
  }

  @Override
  public String method() {
    return "PUT";
  }

  @Override
  public HttpUrl url() {
    return endpoint.url(repository, "manifests", reference);
  }

  @Override
  public Optional<RequestBody> body() {
    return Optional.of(RequestBody.create(manifest.bytes(), MediaType.get(manifest.mediaType())));
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.pullPush(repository));
  }

  @Override
  public boolean handles(int status) {
    return status == 201 || status == 200 || status == 202;
  }

  @Override
  public Digest handle(Response response) throws PermanentRegistryException {
    Optional<Digest> stored = ContentDigestHeader.read(response);
    if (stored.isPresent()
        && stored.get().algorithm() == manifest.digest().algorithm()
        && !stored.get().equals(manifest.digest())) {
      throw new PermanentRegistryException(
          describe() + ": registry stored digest " + stored.get() + ", not " + manifest.digest(),
          response.code(),
          List.of(),
          null);
    }
    return manifest.digest();
  }

  @Override
  public String describe() {
    return "PUT manifest " + endpoint.registry() + "/" + repository + ":" + reference;
  }
}
