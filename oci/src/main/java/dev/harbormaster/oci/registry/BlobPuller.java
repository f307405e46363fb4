package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import dev.harbormaster.oci.digest.Digest;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code GET /v2/<name>/blobs/<digest>}, from an offset with {@code Range: bytes=<offset>-} when
 * resuming. The answer (200, or 206 for a range) is handed over open: the body is streamed by
 * {@link BlobStream}, which verifies the digest. Redirects to object storage are followed by the
 * transport without {@code Authorization}.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-blobs">pulling
 *     blobs</a>
 */
final class BlobPuller implements RegistryOperation<Response> {
  private final RegistryEndpoint endpoint;
  private final String repository;
  private final Digest digest;
  private final long offset;

  BlobPuller(RegistryEndpoint endpoint, String repository, Digest digest, long offset) {
    this.endpoint = endpoint;
    this.repository = repository;
    this.digest = digest;
    this.offset = offset;
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public HttpUrl url() {
    return endpoint.url(repository, "blobs", digest.toString());
  }

  @Override
  public void addHeaders(Request.Builder request) {
    if (offset > 0) {
      request.header("Range", "bytes=" + offset + "-");
    }
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.pull(repository));
  }

  @Override
  public boolean handles(int status) {
    return status == 200 || (offset > 0 && status == 206);
  }

  @Override
  public Response handle(Response response) {
    return response;
  }

  @Override
  public boolean keepsResponseOpen() {
    return true;
  }

  @Override
  public String describe() {
    return "GET blob "
        + endpoint.registry()
        + "/"
        + repository
        + "@"
        + digest
        + (offset > 0 ? " from byte " + offset : "");
  }
}
