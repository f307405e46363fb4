package dev.harbormaster.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.manifest.ManifestBytes;
import dev.harbormaster.oci.manifest.MediaTypes;
import dev.harbormaster.oci.reference.ImageReference;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Manifest reads. MockWebServer only for what docker-registry never does: serve bytes that do not
 * match the digest asked for, or omit Docker-Content-Digest.
 */
class ManifestPullerTest {
  private static final String MANIFEST =
      "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[]}";

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void getByDigest_rejectsBytesOfAnotherDigest() throws Exception {
    Digest asked = Digest.of("something else".getBytes(StandardCharsets.UTF_8));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", MediaTypes.OCI_INDEX)
            .setHeader("Docker-Content-Digest", asked.toString())
            .body(MANIFEST)
            .build());
    ImageReference ref = ImageReference.parse(FakeRegistry.host(server) + "/a/b@" + asked);

    assertThatThrownBy(() -> FakeRegistry.client(server).getManifest(ref))
        .isInstanceOfSatisfying(
            PermanentRegistryException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        "GET manifest "
                            + ref
                            + ": the registry sent content with digest "
                            + Digest.of(MANIFEST.getBytes(StandardCharsets.UTF_8))
                            + ", not the requested "
                            + asked
                            + "; rejected: HTTP 200"));
  }

  @Test
  void getByTag_withoutDockerContentDigest_hashesTheBytes() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", MediaTypes.OCI_INDEX + "; charset=utf-8")
            .body(MANIFEST)
            .build());
    ImageReference ref = ImageReference.parse(FakeRegistry.host(server) + "/a/b:v1");

    ManifestBytes m = FakeRegistry.client(server).getManifest(ref);

    assertThat(m.digest()).isEqualTo(Digest.of(MANIFEST.getBytes(StandardCharsets.UTF_8)));
    assertThat(m.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Accept")).isEqualTo(MediaTypes.MANIFEST_ACCEPT);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/a/b/manifests/v1");
  }

  @Test
  void getWithGenericContentType_readsTheMediaTypeFromJson() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "application/json")
            .body(MANIFEST)
            .build());

    ManifestBytes m =
        FakeRegistry.client(server)
            .getManifest(ImageReference.parse(FakeRegistry.host(server) + "/a/b:v1"));

    assertThat(m.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
  }

  @Test
  void headWithoutDockerContentDigest_reportsNoDigestForATag_andTheAskedOneForADigest()
      throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Length", "12").build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    RegistryClient client = FakeRegistry.client(server);
    Digest digest = Digest.of(new byte[] {3});

    ManifestInfo byTag =
        client
            .headManifest(ImageReference.parse(FakeRegistry.host(server) + "/a/b:v1"))
            .orElseThrow();
    ManifestInfo byDigest =
        client
            .headManifest(ImageReference.parse(FakeRegistry.host(server) + "/a/b@" + digest))
            .orElseThrow();

    assertThat(byTag.digest()).isEmpty();
    assertThat(byTag.size()).hasValue(12);
    assertThat(byDigest.digest()).contains(digest);
  }

  @Test
  void oversizedManifest_isRejected() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", MediaTypes.OCI_MANIFEST)
            .body("x".repeat(4 * 1024 * 1024 + 1))
            .build());

    assertThatThrownBy(
            () ->
                FakeRegistry.client(server)
                    .getManifest(ImageReference.parse(FakeRegistry.host(server) + "/a/b:big")))
        .isInstanceOf(PermanentRegistryException.class)
        .hasMessageContaining("exceeds the 4 MiB limit");
  }
}
