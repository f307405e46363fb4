package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Scope;
import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.manifest.ManifestBytes;
import dev.harbormaster.oci.manifest.MediaTypes;
import dev.harbormaster.oci.reference.ImageReference;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v2/<name>/manifests/<reference>} with all four manifest media types in one {@code
 * Accept}. The bytes are kept raw and hashed here: when asked by digest they must match it (else
 * nothing is returned); {@code Docker-Content-Digest} is not needed.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pulling-manifests">pulling
 *     manifests</a>
 */
final class ManifestPuller implements RegistryOperation<ManifestBytes> {
  /** Registries refuse manifests above 4 MiB; so do we when reading. */
  static final long MAX_MANIFEST_SIZE = 4 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ManifestPuller.class);

  private final RegistryEndpoint endpoint;
  private final ImageReference image;

  ManifestPuller(RegistryEndpoint endpoint, ImageReference image) {
    this.endpoint = endpoint;
    this.image = image;
  }

  @Override
  public String method() {
    return "GET";
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
    return status == 200;
  }

  @Override
  public ManifestBytes handle(Response response) throws IOException {
    byte[] bytes = readLimited(response);
    Optional<Digest> requested = image.digest();
    if (requested.isPresent() && !requested.get().matches(bytes)) {
      Digest actual = Digest.of(requested.get().algorithm(), bytes);
      throw new PermanentRegistryException(
          describe()
              + ": the registry sent content with digest "
              + actual
              + ", not the requested "
              + requested.get()
              + "; rejected",
          response.code(),
          List.of(),
          null);
    }
    ManifestBytes manifest = ManifestBytes.of(bytes, response.header("Content-Type"));
    if (requested.isPresent() && !requested.get().equals(manifest.digest())) {
      manifest = new ManifestBytes(bytes, manifest.mediaType(), requested.get()); // sha512
    }
    Optional<Digest> announced = ContentDigestHeader.read(response);
    if (announced.isPresent() && !announced.get().equals(manifest.digest())) {
      LOG.debug(
          "{}: Docker-Content-Digest {} differs from content {}",
          describe(),
          announced.get(),
          manifest.digest());
    }
    return manifest;
  }

  private byte[] readLimited(Response response) throws IOException {
    long declared = response.body().contentLength();
    if (declared > MAX_MANIFEST_SIZE) {
      throw tooLarge(declared);
    }
    BufferedSource source = response.body().source();
    Buffer buffer = new Buffer();
    while (source.read(buffer, 65536) != -1) {
      if (buffer.size() > MAX_MANIFEST_SIZE) {
        throw tooLarge(buffer.size());
      }
    }
    return buffer.readByteArray();
  }

  private PermanentRegistryException tooLarge(long size) {
    return new PermanentRegistryException(
        describe() + ": manifest of " + size + " bytes exceeds the 4 MiB limit",
        200,
        List.of(),
        null);
  }

  @Override
  public String describe() {
    return "GET manifest " + image;
  }
}
