package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import dev.harbormaster.oci.digest.Digest;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code PUT <location>&digest=<digest>}: closes an upload, with the whole blob (monolithic) or the
 * last bytes or nothing (after chunks). Existing query parameters of the location are kept.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pushing-a-blob-monolithically">monolithic
 *     push</a>
 */
final class UploadCompleter implements RegistryOperation<Digest> {
  private final UploadSession session;
  private final String repository;
  private final Digest digest;
  private final RequestBody body;

  UploadCompleter(UploadSession session, String repository, Digest digest, RequestBody body) {
    this.session = session;
    this.repository = repository;
    this.digest = digest;
    this.body = body;
  }

  @Override
  public String method() {
    return "PUT";
  }

  @Override
  public HttpUrl url() {
    return session.location().newBuilder().addQueryParameter("digest", digest.toString()).build();
  }

  @Override
  public Optional<RequestBody> body() {
    return Optional.of(body);
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.pullPush(repository));
  }

  @Override
  public boolean handles(int status) {
    return status == 201 || status == 204;
  }

  @Override
  public Digest handle(Response response) {
    return digest;
  }

  @Override
  public String describe() {
    return "PUT blob " + digest + " to " + session.location().host() + "/" + repository;
  }
}
