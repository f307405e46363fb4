package dev.harbormaster.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.reference.RepositoryName;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Chunked uploads. MockWebServer because docker-registry never answers 416 to a well-formed client
 * and does not send OCI-Chunk-Min-Length; the happy path runs against the real registry in
 * RegistryClientTest.
 */
class ChunkedUploadTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void resumesFromTheRegistrysRange_after416_andHonoursMinimumChunkLength() throws Exception {
    byte[] content = new byte[250];
    new Random(5).nextBytes(content);
    Digest digest = Digest.of(content);
    server.enqueue(
        new MockResponse.Builder()
            .code(202)
            .setHeader("Location", "/v2/a/b/blobs/uploads/u1?_state=s0")
            .setHeader("OCI-Chunk-Min-Length", "100")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .code(202)
            .setHeader("Location", "/v2/a/b/blobs/uploads/u1?_state=s1")
            .setHeader("Range", "0-99")
            .build());
    server.enqueue(new MockResponse.Builder().code(416).build());
    server.enqueue(
        new MockResponse.Builder()
            .code(204)
            .setHeader("Location", "/v2/a/b/blobs/uploads/u1?_state=s2")
            .setHeader("Range", "0-149")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .code(202)
            .setHeader(
                "Location",
                "http://" + FakeRegistry.host(server) + "/v2/a/b/blobs/uploads/u1?_state=s3")
            .build());
    server.enqueue(new MockResponse.Builder().code(201).build());
    RepositoryName repo = RepositoryName.parse(FakeRegistry.host(server) + "/a/b");

    FakeRegistry.client(server).pushBlobChunked(repo, digest, BlobSource.of(content), 10);

    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    RecordedRequest first = server.takeRequest();
    assertThat(first.getHeaders().get("Content-Range")).isEqualTo("0-99");
    assertThat(first.getBodySize()).isEqualTo(100);
    RecordedRequest rejected = server.takeRequest();
    assertThat(rejected.getHeaders().get("Content-Range")).isEqualTo("100-199");
    assertThat(rejected.getUrl().queryParameter("_state")).isEqualTo("s1");
    RecordedRequest status = server.takeRequest();
    assertThat(status.getMethod()).isEqualTo("GET");
    RecordedRequest resumed = server.takeRequest();
    assertThat(resumed.getHeaders().get("Content-Range")).isEqualTo("150-249");
    assertThat(resumed.getUrl().queryParameter("_state")).isEqualTo("s2");
    assertThat(resumed.getBody().toByteArray())
        .isEqualTo(java.util.Arrays.copyOfRange(content, 150, 250));
    RecordedRequest put = server.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getUrl().queryParameter("_state")).isEqualTo("s3");
    assertThat(put.getUrl().queryParameter("digest")).isEqualTo(digest.toString());
  }
}
