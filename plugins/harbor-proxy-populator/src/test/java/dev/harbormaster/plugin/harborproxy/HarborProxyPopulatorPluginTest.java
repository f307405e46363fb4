package dev.harbormaster.plugin.harborproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.plugin.harborproxy.warming.WarmResult;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Scope;
import dev.harbormaster.testkit.plugin.TestReviews;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The admission side: always allows, never waits and never touches the network. Harbor here is a
 * tarpit that accepts connections and never answers, so any I/O on the admission path would hang
 * the test (the timeouts below are a guard, not a measurement).
 */
class HarborProxyPopulatorPluginTest {
  private final HarborProxyPopulatorPlugin plugin = new HarborProxyPopulatorPlugin();

  private static String config(String harborUrl, String extra) {
    return """
        harbor: {url: "%s", plainHttp: true, requestTimeout: 5m, requestAttempts: 1}
        projects:
          - {registry: docker.io, project: dockerhub-proxy}
          - {registry: quay.io, project: quay-proxy}
        %s
        """
        .formatted(harborUrl, extra);
  }

  @Test
  void isValidatingOnly() {
    assertThat(plugin.scopes()).containsExactly(Scope.VALIDATING);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void fullQueue_dropsAndCounts_whileReviewsKeepAllowing_withAHangingHarbor() throws Exception {
    try (Tarpit harbor = new Tarpit();
        TestContext context = new TestContext()) {
      AdmissionHandler handler =
          plugin.start(
              Configs.bind(
                  config(harbor.url(), "queue: {capacity: 2, workers: 1}\nstatusInterval: 20ms")),
              context);
      for (int i = 0; i < 1000; i++) {
        Decision d = handler.review(TestReviews.pod(false, "acme/app:v" + i));
        assertThat(d).isInstanceOf(Decision.Allow.class);
      }
      var stats = context.awaitStatus(s -> s.queue().offered() == 1000).queue();
      assertThat(stats.offered()).isEqualTo(1000);
      assertThat(stats.enqueued() + stats.dropped()).isEqualTo(1000);
      assertThat(stats.dropped()).isGreaterThanOrEqualTo(997);
      assertThat(context.counter("harbormaster.harborproxy.images", "result", "dropped"))
          .isEqualTo(stats.dropped());
      handler.stop(Duration.ofMillis(200));
      assertThat(context.current().queue().depth()).isZero();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void instanceDryRun_sendsNothing_andSaysWhatWouldBeWarmed() throws Exception {
    try (Tarpit harbor = new Tarpit();
        TestContext context = new TestContext(true, java.nio.file.Path.of("."))) {
      AdmissionHandler handler = plugin.start(Configs.bind(config(harbor.url(), "")), context);
      Decision d = handler.review(TestReviews.pod(false, "nginx:1.27", "ghcr.io/acme/x:1"));
      assertThat(d).isInstanceOf(Decision.Allow.class);
      assertThat(d.auditAnnotations())
          .containsEntry(
              "would-warm", "127.0.0.1:" + port(harbor) + "/dockerhub-proxy/library/nginx:1.27");
      handler.stop(Duration.ofSeconds(1));
      PopulatorStatus status = context.current();
      assertThat(status.dryRun()).isTrue();
      assertThat(status.recent())
          .extracting(WarmResult::outcome, WarmResult::message)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("would-warm", "instance dry run"));
      assertThat(status.queue().offered()).isZero();
      assertThat(harbor.accepted()).isZero();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void requestDryRun_sendsNothing() throws Exception {
    try (Tarpit harbor = new Tarpit();
        TestContext context = new TestContext()) {
      AdmissionHandler handler = plugin.start(Configs.bind(config(harbor.url(), "")), context);
      for (int i = 0; i < 50; i++) {
        handler.review(TestReviews.pod(true, "nginx:1." + i));
      }
      handler.stop(Duration.ofSeconds(1));
      assertThat(context.current().queue().offered()).isZero();
      assertThat(context.current().recent())
          .hasSize(50)
          .allMatch(r -> r.outcome().equals("would-warm"));
      assertThat(context.counter("harbormaster.harborproxy.images", "result", "dry-run"))
          .isEqualTo(50);
      assertThat(harbor.accepted()).isZero();
    }
  }

  @Test
  void everyContainerKind_ofPodsAndTemplates_isOffered_onceEach() throws Exception {
    try (TestContext context = new TestContext()) {
      AdmissionHandler handler =
          plugin.start(
              Configs.bind(config("https://harbor.example.com", "simulate: {delay: 0s}")), context);
      handler.review(TestReviews.load("pod-all-container-kinds.json"));
      handler.review(TestReviews.load("cronjob-template.json"));
      handler.review(TestReviews.load("deployment-opted-out.json"));
      PopulatorStatus status = context.awaitFinished(6);
      assertThat(status.recent())
          .extracting(WarmResult::reference)
          .containsExactlyInAnyOrder(
              "harbor.example.com/dockerhub-proxy/library/busybox:1.36",
              "harbor.example.com/dockerhub-proxy/library/nginx:1.27",
              "harbor.example.com/quay-proxy/prometheus/node-exporter:v1.8.0",
              "harbor.example.com/dockerhub-proxy/library/alpine:3.20",
              "harbor.example.com/dockerhub-proxy/curlimages/curl:8.8.0",
              "harbor.example.com/dockerhub-proxy/library/python:3.12-slim");
      assertThat(context.counter("harbormaster.harborproxy.images", "result", "unmapped"))
          .isEqualTo(1); // ghcr.io
      assertThat(context.counter("harbormaster.harborproxy.images", "result", "ignored"))
          .isEqualTo(1); // the opted-out Deployment
      handler.stop(Duration.ofSeconds(5));
    }
  }

  private static int port(Tarpit t) {
    return Integer.parseInt(t.url().substring(t.url().lastIndexOf(':') + 1));
  }
}
