package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import dev.harbormaster.oci.digest.Digest;
import java.util.OptionalLong;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * {@code HEAD /v2/<name>/blobs/<digest>}: 200 means the blob exists (size from {@code
 * Content-Length}), 404 means it does not.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#checking-if-content-exists-in-the-registry">checking
 *     if content exists</a>
 */
final class BlobChecker implements RegistryOperation<OptionalLong> {
  private final RegistryEndpoint endpoint;
  private final String repository;
  private final Digest digest;

  BlobChecker(RegistryEndpoint endpoint, String repository, Digest digest) {
    this.endpoint = endpoint;
    this.repository = repository;
    this.digest = digest;
  }

  @Override
  public String method() {
    return "HEAD";
  }

  @Override
  public HttpUrl url() {
    return endpoint.url(repository, "blobs", digest.toString());
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.pull(repository));
  }

  @Override
  public boolean handles(int status) {
    return status == 200 || status == 404;
  }

  /** The size when the blob exists (-1 if not sent), empty when absent. */
  @Override
  public OptionalLong handle(Response response) {
    if (response.code() == 404) {
      return OptionalLong.empty();
    }
    String length = response.header("Content-Length");
    try {
      return OptionalLong.of(length == null ? -1 : Long.parseLong(length.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.of(-1);
    }
  }

  @Override
  public String describe() {
    return "HEAD blob " + endpoint.registry() + "/" + repository + "@" + digest;
  }
}
