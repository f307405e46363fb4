package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.manifest.Descriptor;
import dev.harbormaster.oci.manifest.ImageIndex;
import dev.harbormaster.oci.manifest.ManifestBytes;
import dev.harbormaster.oci.manifest.MediaTypes;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code GET /v2/<name>/referrers/<digest>[?artifactType=]}: the manifests whose {@code subject} is
 * the digest, as an index. 404 means the registry lacks the API: the caller then falls back to the
 * tag schema ({@code <alg>-<hex>} tag holding such an index).
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#listing-referrers">listing
 *     referrers</a>
 */
final class ReferrersLister implements RegistryOperation<Optional<List<Descriptor>>> {
  private final RegistryEndpoint endpoint;
  private final String repository;
  private final Digest subject;
  private final Optional<String> artifactType;

  ReferrersLister(
      RegistryEndpoint endpoint, String repository, Digest subject, Optional<String> artifactType) {
    this.endpoint = endpoint;
    this.repository = repository;
    this.subject = subject;
    this.artifactType = artifactType;
  }

  /** The fallback tag of the referrers tag schema: {@code sha256-<hex>}. */
  static String fallbackTag(Digest subject) {
    return subject.algorithm().id() + "-" + subject.hex();
  }

  /** Entries of a referrers index, filtered by artifact type when the registry did not. */
  static List<Descriptor> filter(ImageIndex index, Optional<String> artifactType) {
    return index.manifests().stream()
        .filter(d -> artifactType.isEmpty() || d.artifactType().equals(artifactType))
        .toList();
  }

  @Override
  public String method() {
    return "GET";
  }

  @Override
  public HttpUrl url() {
    HttpUrl url = endpoint.url(repository, "referrers", subject.toString());
    return artifactType
        .map(t -> url.newBuilder().addQueryParameter("artifactType", t).build())
        .orElse(url);
  }

  @Override
  public void addHeaders(Request.Builder request) {
    request.header("Accept", MediaTypes.OCI_INDEX);
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.pull(repository));
  }

  @Override
  public boolean handles(int status) {
    return status == 200 || status == 404;
  }

  @Override
  public Optional<List<Descriptor>> handle(Response response) throws IOException {
    if (response.code() == 404) {
      return Optional.empty();
    }
    ManifestBytes bytes = ManifestBytes.of(response.body().bytes(), MediaTypes.OCI_INDEX);
    if (!(bytes.parse() instanceof ImageIndex index)) {
      throw new PermanentRegistryException(
          describe() + ": answer is not an index", 200, List.of(), null);
    }
    return Optional.of(filter(index, artifactType));
  }

  @Override
  public String describe() {
    return "GET referrers " + endpoint.registry() + "/" + repository + "@" + subject;
  }
}
