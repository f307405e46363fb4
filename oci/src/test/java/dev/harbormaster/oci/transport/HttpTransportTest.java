package dev.harbormaster.oci.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Transport policy. MockWebServer stands in for faults docker-registry cannot be made to show: 429
 * with Retry-After, 503 bursts, and redirects to another host.
 */
class HttpTransportTest {
  @StartStop private final MockWebServer server = new MockWebServer();
  @StartStop private final MockWebServer storage = new MockWebServer();

  private HttpTransport transport(Backoff backoff, Duration maxRetryAfter, String... insecure)
      throws Exception {
    return HttpTransport.create(
        new TransportPolicy(
            new HostAllowList(List.of()),
            Set.of(insecure),
            false,
            Optional.empty(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ZERO,
            backoff,
            maxRetryAfter,
            4,
            "test"));
  }

  private String host(MockWebServer s) {
    return s.getHostName() + ":" + s.getPort();
  }

  private Response get(HttpTransport t, HttpUrl url) throws Exception {
    return t.execute(new Request.Builder().url(url).build(), host(server), true);
  }

  @Test
  void retries429_afterRetryAfterSeconds() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
    server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
    HttpTransport t = transport(Backoff.DEFAULT, Duration.ofSeconds(10), host(server));

    try (Response r = get(t, server.url("/v2/"))) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo("ok");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retries429_afterRetryAfterHttpDate() throws Exception {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1));
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", date).build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    HttpTransport t = transport(Backoff.DEFAULT, Duration.ofSeconds(10), host(server));

    try (Response r = get(t, server.url("/v2/"))) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterBeyondTheLimit_returnsThe429AtOnce() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
    HttpTransport t = transport(Backoff.DEFAULT, Duration.ofSeconds(10), host(server));

    try (Response r = get(t, server.url("/v2/"))) {
      assertThat(r.code()).isEqualTo(429);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retries5xxAnd408_untilMaxAttempts() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(408).build());
    server.enqueue(new MockResponse.Builder().code(502).build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    HttpTransport ok =
        transport(
            new Backoff(4, Duration.ofMillis(1), Duration.ofMillis(5)),
            Duration.ZERO,
            host(server));
    try (Response r = get(ok, server.url("/v2/"))) {
      assertThat(r.code()).isEqualTo(200);
    }

    server.enqueue(new MockResponse.Builder().code(500).build());
    server.enqueue(new MockResponse.Builder().code(500).build());
    HttpTransport two =
        transport(
            new Backoff(2, Duration.ofMillis(1), Duration.ofMillis(5)),
            Duration.ZERO,
            host(server));
    try (Response r = get(two, server.url("/v2/"))) {
      assertThat(r.code()).isEqualTo(500);
    }
    assertThat(server.getRequestCount()).isEqualTo(6);
  }

  @Test
  void oneShotBodies_areNotRetried() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    HttpTransport t = transport(Backoff.DEFAULT, Duration.ZERO, host(server));

    try (Response r =
        t.execute(new Request.Builder().url(server.url("/v2/")).build(), host(server), false)) {
      assertThat(r.code()).isEqualTo(503);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void redirectToAnotherHost_dropsAuthorization() throws Exception {
    // storage listens on "localhost", the registry on 127.0.0.1: two hosts, as with S3 redirects.
    HttpUrl blobUrl = storage.url("/bucket/blob?sig=1").newBuilder().host("localhost").build();
    server.enqueue(
        new MockResponse.Builder().code(307).setHeader("Location", blobUrl.toString()).build());
    storage.enqueue(new MockResponse.Builder().code(200).body("blob").build());
    HttpTransport t =
        transport(Backoff.DEFAULT, Duration.ZERO, host(server), "localhost:" + storage.getPort());
    Request request =
        new Request.Builder()
            .url(server.url("/v2/a/blobs/sha256:x"))
            .header("Authorization", "Bearer secret")
            .build();

    try (Response r = t.execute(request, host(server), true)) {
      assertThat(r.body().string()).isEqualTo("blob");
    }
    RecordedRequest atRegistry = server.takeRequest();
    RecordedRequest atStorage = storage.takeRequest();
    assertThat(atRegistry.getHeaders().get("Authorization")).isEqualTo("Bearer secret");
    assertThat(atStorage.getHeaders().get("Authorization")).isNull();
    assertThat(atStorage.getUrl().queryParameter("sig")).isEqualTo("1");
  }

  @Test
  void redirectWithinTheSameHost_keepsAuthorization() throws Exception {
    server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/other").build());
    server.enqueue(new MockResponse.Builder().code(200).build());
    HttpTransport t = transport(Backoff.DEFAULT, Duration.ZERO, host(server));

    try (Response r =
        t.execute(
            new Request.Builder().url(server.url("/first")).header("Authorization", "x").build(),
            host(server),
            true)) {
      assertThat(r.code()).isEqualTo(200);
    }
    server.takeRequest();
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("x");
  }

  @Test
  void redirectToMetadataAddress_isRefused() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .setHeader("Location", "http://169.254.169.254/latest/meta-data/")
            .build());
    HttpTransport t = transport(Backoff.DEFAULT, Duration.ZERO, host(server), "169.254.169.254");

    assertThatThrownBy(() -> get(t, server.url("/v2/")))
        .isInstanceOf(AddressRefusedException.class)
        .hasMessage(
            "refusing 169.254.169.254: address 169.254.169.254 is a cloud metadata endpoint");
  }

  @Test
  void refusesForbiddenTargets_beforeSendingAnything() throws Exception {
    HttpTransport t = transport(Backoff.DEFAULT, Duration.ZERO, "10.0.0.1:80");

    assertThatThrownBy(() -> t.checkAllowed(HttpUrl.get("https://169.254.10.10/v2/")))
        .hasMessage("refusing 169.254.10.10: address 169.254.10.10 is link-local");
    assertThatThrownBy(() -> t.checkAllowed(HttpUrl.get("https://[fe80::1]/v2/")))
        .hasMessageContaining("is link-local");
    assertThatThrownBy(() -> t.checkAllowed(HttpUrl.get("https://[fd00:ec2::254]/v2/")))
        .hasMessageContaining("cloud metadata endpoint");
    assertThatThrownBy(() -> t.checkAllowed(HttpUrl.get("https://metadata.google.internal/x")))
        .hasMessage(
            "refusing metadata.google.internal: host metadata.google.internal is a cloud"
                + " metadata endpoint");
    assertThatThrownBy(() -> t.checkAllowed(HttpUrl.get("https://127.0.0.1:5000/v2/")))
        .hasMessageContaining("is loopback");
    assertThatThrownBy(() -> t.checkAllowed(HttpUrl.get("http://quay.io/v2/")))
        .hasMessage("refusing plain HTTP to quay.io:80 (not an insecure registry)");
    t.checkAllowed(HttpUrl.get("http://10.0.0.1/v2/"));
  }

  @Test
  void baseUrl_usesHttpOnlyForInsecureHosts() throws Exception {
    HttpTransport t = transport(Backoff.DEFAULT, Duration.ZERO, "local:5000");
    assertThat(t.baseUrl("local:5000").toString()).isEqualTo("http://local:5000/");
    assertThat(t.baseUrl("quay.io").toString()).isEqualTo("https://quay.io/");
    assertThat(t.baseUrl("quay.io:8443").toString()).isEqualTo("https://quay.io:8443/");
  }
}
