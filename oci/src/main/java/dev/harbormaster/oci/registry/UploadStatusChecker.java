package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * {@code GET <location>}: how many bytes of an upload the registry holds, from its {@code Range:
 * 0-<end>} header ({@code 0-0}, which distribution sends for an empty upload, counts as nothing
 * held). Returns the offset of the next byte to send.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pushing-a-blob-in-chunks">chunked
 *     push</a>
 */
final class UploadStatusChecker implements RegistryOperation<UploadStatusChecker.Status> {

  /**
   * @param nextOffset the next byte to send
   * @param session the session, with the Location the registry returned
   */
  record Status(long nextOffset, UploadSession session) {}

  private final UploadSession session;
  private final String repository;

  UploadStatusChecker(UploadSession session, String repository) {
    this.session = session;
    this.repository = repository;
  }

  @Override
  public String method() {
    return "GET";
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
    return status == 204 || status == 200;
  }

  @Override
  public Status handle(Response response) {
    String range = response.header("Range");
    long next = 0;
    if (range != null) {
      String r = range.trim();
      if (r.startsWith("bytes=")) {
        r = r.substring(6);
      }
      int dash = r.indexOf('-');
      if (dash > 0) {
        long end = Long.parseLong(r.substring(dash + 1).trim());
        long begin = Long.parseLong(r.substring(0, dash).trim());
        // distribution writes 0-0 for both 0 and 1 bytes held; chunks are never 1 byte long.
        next = end > begin ? end + 1 : 0;
      }
    }
    UploadSession now =
        response.header("Location") != null ? UploadSession.from(response, session) : session;
    return new Status(next, now);
  }

  @Override
  public String describe() {
    return "GET upload status " + session.location().host() + "/" + repository;
  }
}
