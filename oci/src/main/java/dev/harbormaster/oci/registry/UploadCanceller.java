package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * {@code DELETE <location>}: abandons an upload session (e.g. after a declined mount when the blob
 * turned out to be present). 404 counts as done.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#canceling-an-upload">canceling
 *     an upload</a>
 */
final class UploadCanceller implements RegistryOperation<Boolean> {
  private final UploadSession session;
  private final String repository;

  UploadCanceller(UploadSession session, String repository) {
    this.session = session;
    this.repository = repository;
  }

  @Override
  public String method() {
    return "DELETE";
  }

  @Override
  public HttpUrl url() {
    return session.location();
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.pullPush(repository));
  }

  @Override
  public boolean handles(int status) {
    return status == 204 || status == 200 || status == 202 || status == 404;
  }

  @Override
  public Boolean handle(Response response) {
    return response.code() != 404;
  }

  @Override
  public String describe() {
    return "DELETE upload " + session.location().host() + "/" + repository;
  }
}
