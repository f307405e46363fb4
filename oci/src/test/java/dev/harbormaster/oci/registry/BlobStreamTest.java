package dev.harbormaster.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.digest.DigestMismatchException;
import dev.harbormaster.oci.reference.RepositoryName;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blob downloads. MockWebServer for a connection reset in the middle of a body and for content
 * whose digest is wrong: a real registry does neither on demand.
 */
class BlobStreamTest {
  private static final byte[] CONTENT = new byte[512 * 1024];

  static {
    new Random(11).nextBytes(CONTENT);
  }

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void connectionResetMidBlob_resumesWithRange_andVerifiesTheWhole() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          private int calls;

          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (calls++ == 0) {
              return new MockResponse.Builder()
                  .code(200)
                  .body(new Buffer().write(CONTENT))
                  .onResponseBody(new SocketEffect.CloseSocket())
                  .build();
            }
            String range = request.getHeaders().get("Range");
            long from = Long.parseLong(range.substring(6, range.length() - 1));
            return new MockResponse.Builder()
                .code(206)
                .setHeader("Content-Range", "bytes " + from + "-" + (CONTENT.length - 1) + "/*")
                .body(new Buffer().write(CONTENT, (int) from, CONTENT.length - (int) from))
                .build();
          }
        });
    RepositoryName repo = RepositoryName.parse(FakeRegistry.host(server) + "/a/b");

    byte[] read;
    try (InputStream in = FakeRegistry.client(server).getBlob(repo, Digest.of(CONTENT))) {
      read = in.readAllBytes();
    }

    assertThat(read).isEqualTo(CONTENT);
    assertThat(server.getRequestCount()).isEqualTo(2);
    server.takeRequest();
    String range = server.takeRequest().getHeaders().get("Range");
    assertThat(range).matches("bytes=\\d+-");
    assertThat(Long.parseLong(range.substring(6, range.length() - 1)))
        .isBetween(1L, (long) CONTENT.length - 1);
  }

  @Test
  void wrongContent_isRejected_andNothingIsWritten(@TempDir Path dir) throws Exception {
    byte[] wrong = CONTENT.clone();
    wrong[1000] ^= 1;
    server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(wrong)).build());
    RepositoryName repo = RepositoryName.parse(FakeRegistry.host(server) + "/a/b");
    Path target = dir.resolve("layer.tar.gz");

    assertThatThrownBy(
            () -> FakeRegistry.client(server).downloadBlob(repo, Digest.of(CONTENT), target))
        .isInstanceOfSatisfying(
            DigestMismatchException.class,
            e -> {
              assertThat(e.expected()).isEqualTo(Digest.of(CONTENT));
              assertThat(e.actual()).isEqualTo(Digest.of(wrong));
            });
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
