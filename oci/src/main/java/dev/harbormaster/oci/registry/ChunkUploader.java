package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code PATCH <location>} with one chunk and {@code Content-Range: <start>-<end>} (inclusive). 202
 * continues at the new {@code Location}; 416 means the registry holds a different amount than we
 * think: the caller asks {@link UploadStatusChecker} and resumes from there.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pushing-a-blob-in-chunks">chunked
 *     push</a>
 */
final class ChunkUploader implements RegistryOperation<Optional<UploadSession>> {
  private final UploadSession session;
  private final String repository;
  private final long start;
  private final RequestBody chunk;

  ChunkUploader(UploadSession session, String repository, long start, RequestBody chunk) {
    this.session = session;
    this.repository = repository;
    this.start = start;
    this.chunk = chunk;
  }

  @Override
  public String method() {
    return "PATCH";
  }

  @Override
  public HttpUrl url() {
    return session.location();
  }

  @Override
  public void addHeaders(Request.Builder request) {
    try {
      long end = start + chunk.contentLength() - 1;
      request.header("Content-Range", start + "-" + end);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<RequestBody> body() {
    return Optional.of(chunk);
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.pullPush(repository));
  }

  @Override
  public boolean handles(int status) {
    return status == 202 || status == 416;
  }

  /** The session to continue with, or empty after 416. */
  @Override
  public Optional<UploadSession> handle(Response response) {
    if (response.code() == 416) {
      return Optional.empty();
    }
    return Optional.of(UploadSession.from(response, session));
  }

  @Override
  public String describe() {
    return "PATCH blob chunk at byte "
        + start
        + " to "
        + session.location().host()
        + "/"
        + repository;
  }
}
