package dev.harbormaster.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.manifest.Descriptor;
import dev.harbormaster.oci.manifest.MediaTypes;
import dev.harbormaster.oci.reference.RepositoryName;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The referrers API itself: MockWebServer because distribution 2.8 lacks it (RegistryClientTest
 * covers the tag-schema fallback against the real registry).
 */
class ReferrersListerTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void usesTheReferrersApi_andFiltersWhenTheRegistryDidNot() throws Exception {
    Digest subject = Digest.of(new byte[] {9});
    String sig = Digest.of(new byte[] {1}).toString();
    String sbom = Digest.of(new byte[] {2}).toString();
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", MediaTypes.OCI_INDEX)
            .body(
                "{\"schemaVersion\":2,\"mediaType\":\""
                    + MediaTypes.OCI_INDEX
                    + "\",\"manifests\":["
                    + "{\"mediaType\":\""
                    + MediaTypes.OCI_MANIFEST
                    + "\",\"digest\":\""
                    + sig
                    + "\",\"size\":10,\"artifactType\":\"application/vnd.dev.sigstore.bundle\"},"
                    + "{\"mediaType\":\""
                    + MediaTypes.OCI_MANIFEST
                    + "\",\"digest\":\""
                    + sbom
                    + "\",\"size\":20,\"artifactType\":\"application/spdx+json\"}]}")
            .build());
    RepositoryName repo = RepositoryName.parse(FakeRegistry.host(server) + "/a/b");

    List<Descriptor> sboms =
        FakeRegistry.client(server)
            .listReferrers(repo, subject, Optional.of("application/spdx+json"));

    assertThat(sboms).extracting(d -> d.digest().toString()).containsExactly(sbom);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/a/b/referrers/" + subject);
    assertThat(request.getUrl().queryParameter("artifactType")).isEqualTo("application/spdx+json");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
