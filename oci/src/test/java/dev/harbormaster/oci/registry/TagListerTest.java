package dev.harbormaster.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.reference.RepositoryName;
import java.util.OptionalInt;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Link pagination. MockWebServer because distribution 2.8 (the registry available here) ignores
 * {@code n} on tags/list and never sends Link.
 */
class TagListerTest {
  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void followsRelativeAndAbsoluteLinks_untilNoNext() throws Exception {
    String host = FakeRegistry.host(server);
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Link", "</v2/a/b/tags/list?n=2&last=t2>; rel=\"next\"")
            .body("{\"name\":\"a/b\",\"tags\":[\"t2\",\"t1\"]}")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Link", "<http://" + host + "/v2/a/b/tags/list?n=2&last=t4>; rel=next")
            .body("{\"name\":\"a/b\",\"tags\":[\"t3\",\"t4\"]}")
            .build());
    server.enqueue(
        new MockResponse.Builder().code(200).body("{\"name\":\"a/b\",\"tags\":[\"t5\"]}").build());

    var tags =
        FakeRegistry.client(server)
            .listTags(RepositoryName.parse(host + "/a/b"), OptionalInt.of(2));

    assertThat(tags).containsExactly("t2", "t1", "t3", "t4", "t5");
    assertThat(server.takeRequest().getUrl().queryParameter("n")).isEqualTo("2");
    assertThat(server.takeRequest().getUrl().queryParameter("last")).isEqualTo("t2");
    assertThat(server.takeRequest().getUrl().queryParameter("last")).isEqualTo("t4");
  }

  @Test
  void emptyRepository_hasNoTags() throws Exception {
    server.enqueue(
        new MockResponse.Builder().code(200).body("{\"name\":\"a/b\",\"tags\":null}").build());
    assertThat(
            FakeRegistry.client(server)
                .listTags(RepositoryName.parse(FakeRegistry.host(server) + "/a/b")))
        .isEmpty();
  }
}
