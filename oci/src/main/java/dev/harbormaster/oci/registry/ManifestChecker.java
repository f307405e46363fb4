package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.manifest.MediaTypes;
import dev.harbormaster.oci.reference.ImageReference;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code HEAD /v2/<name>/manifests/<reference>}: does the manifest exist, and with which digest.
 * Docker Hub does not count a HEAD as a pull. 404 means absent.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#checking-if-content-exists-in-the-registry">checking
 *     if content exists</a>
 */
final class ManifestChecker implements RegistryOperation<Optional<ManifestInfo>> {
  private final RegistryEndpoint endpoint;
  private final ImageReference image;

  ManifestChecker(RegistryEndpoint endpoint, ImageReference image) {
    this.endpoint = endpoint;
    this.image = image;
  }

  @Override
  public String method() {
    return "HEAD";
  }

  @Override
  public HttpUrl url() {
    return endpoint.url(image.repository(), "manifests", image.manifestReference());
  }

  @Override
  public void addHeaders(Request.Builder request) {
    request.header("Accept", MediaTypes.MANIFEST_ACCEPT);
  }

  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.pull(image.repository()));
  }

  @Override
  public boolean handles(int status) {
    return status == 200 || status == 404;
  }

  @Override
  public Optional<ManifestInfo> handle(Response response) {
    if (response.code() == 404) {
      return Optional.empty();
    }
    Optional<Digest> digest = image.digest();
    if (digest.isEmpty()) {
      digest = ContentDigestHeader.read(response);
    }
    String length = response.header("Content-Length");
    OptionalLong size = OptionalLong.empty();
    if (length != null && !length.isBlank()) {
      try {
        size = OptionalLong.of(Long.parseLong(length.trim()));
      } catch (NumberFormatException e) {
        // leave unknown
      }
    }
    String type = response.header("Content-Type");
    Optional<String> mediaType =
        Optional.ofNullable(type).map(t -> t.contains(";") ? t.substring(0, t.indexOf(';')) : t);
    return Optional.of(new ManifestInfo(digest, mediaType.map(String::trim), size));
  }

  @Override
  public String describe() {
    return "HEAD manifest " + image;
  }
}
