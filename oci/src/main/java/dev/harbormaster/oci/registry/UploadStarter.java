package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import dev.harbormaster.oci.digest.Digest;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code POST /v2/<name>/blobs/uploads/}, optionally as a cross-repository mount ({@code
 * ?mount=<digest>&from=<repo>}, no non-standard {@code origin}): 201 means the blob was mounted,
 * 202 means an upload session was opened (also when the mount was declined).
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#mounting-a-blob-from-another-repository">mounting
 *     a blob</a>
 */
final class UploadStarter implements RegistryOperation<UploadStarter.Started> {

  /** The outcome of the POST. */
  sealed interface Started {}

  /** The blob was mounted from the other repository: nothing to upload. */
  record Mounted() implements Started {}

  /** An upload session is open. */
  record Opened(UploadSession session) implements Started {}

  private final RegistryEndpoint endpoint;
  private final String repository;
  private final Optional<Digest> mountDigest;
  private final Optional<String> mountFrom;

  UploadStarter(
      RegistryEndpoint endpoint,
      String repository,
      Optional<Digest> mountDigest,
      Optional<String> mountFrom) {
    this.endpoint = endpoint;
    this.repository = repository;
    this.mountDigest = mountDigest;
    this.mountFrom = mountFrom;
  }

  @Override
  public String method() {
    return "POST";
  }

  @Override
  public HttpUrl url() {
    HttpUrl.Builder url =
        endpoint.baseUrl().newBuilder().addPathSegment("v2").addPathSegments(repository);
    url.addPathSegment("blobs").addPathSegment("uploads").addPathSegment("");
    if (mountDigest.isPresent() && mountFrom.isPresent()) {
      url.addQueryParameter("mount", mountDigest.get().toString());
      url.addQueryParameter("from", mountFrom.get());
    }
    return url.build();
  }

  @Override
  public Optional<RequestBody> body() {
    return Optional.of(RequestBody.create(new byte[0], null));
  }

  @Override
  public Set<Scope> scopes() {
    Set<Scope> scopes = new LinkedHashSet<>();
    scopes.add(Scope.pullPush(repository));
    mountFrom.ifPresent(from -> scopes.add(Scope.pull(from)));
    return Scope.merge(scopes);
  }

  @Override
  public boolean handles(int status) {
    return status == 201 || status == 202;
  }

  @Override
  public Started handle(Response response) {
    if (response.code() == 201) {
      return new Mounted();
    }
    return new Opened(UploadSession.from(response, null));
  }

  @Override
  public String describe() {
    return mountFrom.isPresent()
        ? "POST mount "
            + mountDigest.orElseThrow()
            + " from "
            + mountFrom.get()
            + " into "
            + endpoint.registry()
            + "/"
            + repository
        : "POST blob upload to " + endpoint.registry() + "/" + repository;
  }
}
