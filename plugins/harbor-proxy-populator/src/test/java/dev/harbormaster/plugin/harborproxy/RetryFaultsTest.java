package dev.harbormaster.plugin.harborproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.plugin.harborproxy.warming.WarmResult;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.testkit.plugin.TestReviews;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Retry behaviour for faults the real peers cannot be made to show on demand (a 503 followed by
 * success, 429 with {@code Retry-After}): MockWebServer stands in for Harbor here, and only here.
 * Unknown manifests are tested against the real peers in {@link ProxyWarmingPeersTest}.
 */
class RetryFaultsTest {
  private static final String MANIFEST =
      """
      {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
      "config":{"mediaType":"application/vnd.oci.image.config.v1+json",\
      "digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},\
      "layers":[]}""";

  @StartStop private final MockWebServer harbor = new MockWebServer();

  private AdmissionHandler start(TestContext context, String harborExtra, String queue) {
    String yaml =
        """
        harbor: {url: "http://127.0.0.1:%d", plainHttp: true, %s}
        projects: [{registry: docker.io, project: dockerhub}]
        mode: manifests
        statusInterval: 50ms
        queue: {%s}
        """
            .formatted(harbor.getPort(), harborExtra, queue);
    return new HarborProxyPopulatorPlugin().start(Configs.bind(yaml), context);
  }

  private static MockResponse manifest() {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/vnd.oci.image.manifest.v1+json")
        .body(MANIFEST)
        .build();
  }

  private static MockResponse status(int code, String retryAfter) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body("");
    if (!retryAfter.isEmpty()) {
      b.addHeader("Retry-After", retryAfter);
    }
    return b.build();
  }

  @Test
  void serviceUnavailable_thenSuccess_isRetriedByTheQueue() throws Exception {
    harbor.enqueue(status(503, ""));
    harbor.enqueue(manifest());
    try (TestContext context = new TestContext()) {
      AdmissionHandler handler = start(context, "requestAttempts: 1", "retryBase: 0s");
      handler.review(TestReviews.pod(false, "acme/app:v1"));
      List<WarmResult> recent = context.awaitFinished(1).recent();
      handler.stop(Duration.ofSeconds(5));

      assertThat(recent)
          .extracting(WarmResult::outcome, WarmResult::reason, WarmResult::attempt)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("warmed", "none", 2),
              org.assertj.core.groups.Tuple.tuple("retrying", "unavailable", 1));
      assertThat(harbor.getRequestCount()).isEqualTo(2);
      assertThat(harbor.takeRequest().getTarget()).isEqualTo("/v2/dockerhub/acme/app/manifests/v1");
    }
  }

  @Test
  void tooManyRequests_withShortRetryAfter_isHonouredWithinTheAttempt() throws Exception {
    harbor.enqueue(status(429, "1"));
    harbor.enqueue(manifest());
    try (TestContext context = new TestContext()) {
      AdmissionHandler handler = start(context, "requestAttempts: 2, maxRetryAfter: 5s", "");
      handler.review(TestReviews.pod(false, "acme/app:v1"));
      PopulatorStatus status = context.awaitFinished(1);
      handler.stop(Duration.ofSeconds(5));

      assertThat(status.recent().getFirst().attempt()).isEqualTo(1);
      assertThat(status.queue().retried()).isZero();
      assertThat(harbor.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void tooManyRequests_withLongRetryAfter_waitsAtLeastMaxRetryAfter_beforeTheQueueRetries()
      throws Exception {
    harbor.enqueue(status(429, "3600"));
    harbor.enqueue(manifest());
    try (TestContext context = new TestContext()) {
      AdmissionHandler handler =
          start(context, "requestAttempts: 1, maxRetryAfter: 1s", "retryBase: 0s");
      handler.review(TestReviews.pod(false, "acme/app:v1"));
      List<WarmResult> recent = context.awaitFinished(1).recent();
      handler.stop(Duration.ofSeconds(5));

      WarmResult first = recent.getLast();
      assertThat(first.outcome()).isEqualTo("retrying");
      assertThat(first.reason()).isEqualTo("rate-limited");
      assertThat(first.retryInMs()).isGreaterThanOrEqualTo(1000);
      assertThat(recent.getFirst().outcome()).isEqualTo("warmed");
      assertThat(context.counter("harbormaster.harborproxy.warms", "reason", "rate-limited"))
          .isEqualTo(1);
    }
  }

  @Test
  void transientFailures_stopAtMaxAttempts_andAreReportedWithTheirReason() throws Exception {
    for (int i = 0; i < 3; i++) {
      harbor.enqueue(status(503, ""));
    }
    try (TestContext context = new TestContext()) {
      AdmissionHandler handler =
          start(context, "requestAttempts: 1", "retryBase: 0s, maxAttempts: 3");
      handler.review(TestReviews.pod(false, "acme/app:v1"));
      WarmResult last = context.awaitFinished(1).recent().getFirst();
      handler.stop(Duration.ofSeconds(5));

      assertThat(last.outcome()).isEqualTo("failed");
      assertThat(last.reason()).isEqualTo("unavailable");
      assertThat(last.attempt()).isEqualTo(3);
      assertThat(last.message()).contains("503");
      assertThat(harbor.getRequestCount()).isEqualTo(3);
    }
  }
}
