package dev.harbormaster.host.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.ScriptedPlugin;
import dev.harbormaster.host.TestConfigs;
import dev.harbormaster.host.plugins.PluginCatalog;
import dev.harbormaster.host.plugins.testplugin.GreetingPlugin;
import dev.harbormaster.host.review.Json;
import dev.harbormaster.host.runtime.HostServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The server started for real on a free port and spoken to over HTTP. */
class AdmissionServerTest {
  private static final String CONFIG =
      """
      server: {address: 127.0.0.1, port: 0, plainHttp: true, shutdownGrace: 10s}
      instances:
        - {name: greet, plugin: greeting, scope: mutating, config: {greeting: hi}}
        - {name: watcher, plugin: greeting, scope: validating, config: {greeting: looked}}
        - name: flaky
          plugin: scripted
          scope: validating
          failurePolicy: allow
          config: {behaviour: throw}
        - name: gate
          plugin: scripted
          scope: validating
          match: {kinds: [apps/v1/Deployment]}
          config: {behaviour: deny}
      """;

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ScriptedPlugin scripted = new ScriptedPlugin();
  private HostServer server;

  @BeforeEach
  void start() {
    server = start(CONFIG);
  }

  @AfterEach
  void stop() {
    scripted.release();
    server.shutdown();
  }

  @Test
  void aReviewTheHostFailsOn_gets500WithABody_isCountedAsError_andTheServerStaysUp()
      throws Exception {
    server.shutdown();
    server =
        start(
            """
            server: {address: 127.0.0.1, port: 0, plainHttp: true, shutdownGrace: 10s}
            instances:
              - {name: odd, plugin: scripted, scope: mutating, config: {behaviour: unserializable}}
            """);

    HttpResponse<String> response = post("/mutate", Fixtures.bytes("reviews/pod-create.json"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(Json.MAPPER.readTree(response.body()).path("error").asString())
        .startsWith("internal error:");
    assertThat(get("/metrics").body())
        .containsPattern(
            "harbormaster_reviews_seconds_count\\{endpoint=\"mutate\",result=\"error\"[^}]*\\} 1");
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void mutate_returnsTheUidAndABase64JsonPatch() throws Exception {
    HttpResponse<String> response = post("/mutate", Fixtures.bytes("reviews/pod-create.json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode r = Json.MAPPER.readTree(response.body()).path("response");
    assertThat(r.path("uid").asString()).isEqualTo("705ab4f5-6393-11e8-b7cc-42010a800002");
    assertThat(r.path("allowed").asBoolean()).isTrue();
    assertThat(r.path("patchType").asString()).isEqualTo("JSONPatch");
    assertThat(Json.MAPPER.readTree(Base64.getDecoder().decode(r.path("patch").asString())))
        .isEqualTo(
            Json.MAPPER.readTree(
                "[{\"op\":\"add\",\"path\":\"/metadata/labels/greeted\",\"value\":\"hi\"}]"));
    assertThat(r.path("warnings").get(0).asString()).isEqualTo("hi");
    assertThat(r.path("auditAnnotations").path("greet/greeted").asString()).isEqualTo("yes");
  }

  @Test
  void validate_appliesFailurePolicyToTheThrowingInstance_whileTheOthersStand() throws Exception {
    JsonNode r = review("/validate", "reviews/pod-create.json");

    assertThat(r.path("allowed").asBoolean()).isTrue();
    assertThat(r.path("warnings").toString())
        .contains("looked")
        .contains("flaky skipped after error");
    assertThat(r.path("auditAnnotations").path("flaky/error").asString())
        .contains("scripted failure");
  }

  @Test
  void validate_deniesWhenAMatchingInstanceDenies() throws Exception {
    JsonNode r = review("/validate", "reviews/deployment-create.json");

    assertThat(r.path("allowed").asBoolean()).isFalse();
    assertThat(r.path("status").path("code").asInt()).isEqualTo(403);
    assertThat(r.path("status").path("message").asString()).isEqualTo("gate: gate says no");
  }

  @Test
  void malformedRequests_get4xxWithAMessage_andTheServerKeepsServing() throws Exception {
    assertError(
        post("/validate", "{not json".getBytes(StandardCharsets.UTF_8)), 400, "not valid JSON");
    assertError(
        post(
            "/validate",
            "{\"apiVersion\":\"v1\",\"kind\":\"AdmissionReview\"}"
                .getBytes(StandardCharsets.UTF_8)),
        400,
        "apiVersion must be admission.k8s.io/v1");
    assertError(
        post(
            "/mutate",
            "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{}}"
                .getBytes(StandardCharsets.UTF_8)),
        400,
        "request.uid is missing");
    assertError(
        send(
            HttpRequest.newBuilder(uri("/validate"))
                .header("Content-Type", "text/yaml")
                .POST(HttpRequest.BodyPublishers.ofString("a: b"))),
        415,
        "Content-Type must be application/json");
    assertError(send(HttpRequest.newBuilder(uri("/mutate")).GET()), 405, "");
    assertError(send(HttpRequest.newBuilder(uri("/nowhere")).GET()), 404, "");
    byte[] huge = new byte[4 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    assertError(post("/validate", huge), 413, "");

    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(review("/validate", "reviews/pod-create.json").path("allowed").asBoolean()).isTrue();
  }

  @Test
  void operationsEndpoints_reportHealthReadinessMetricsAndInstances() throws Exception {
    review("/mutate", "reviews/pod-create.json");

    assertThat(Json.MAPPER.readTree(get("/healthz").body()).path("status").asString())
        .isEqualTo("ok");
    HttpResponse<String> ready = get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("harbormaster_reviews_seconds_count{endpoint=\"mutate\",result=\"allowed\"} 1")
        .contains("harbormaster_instance_duration_seconds_bucket{instance=\"greet\"")
        .contains("harbormaster_greeting_started_total{instance=\"greet\",plugin=\"greeting\"} 1")
        .contains("jvm_memory_used_bytes");
    JsonNode plugins = Json.MAPPER.readTree(get("/plugins").body()).path("instances");
    assertThat(plugins.size()).isEqualTo(4);
    assertThat(plugins.get(0).path("name").asString()).isEqualTo("greet");
    assertThat(plugins.get(0).path("state").asString()).isEqualTo("running");
    assertThat(plugins.get(2).path("failurePolicy").asString()).isEqualTo("allow");
    assertThat(Json.MAPPER.readTree(get("/plugins/greet/status").body()))
        .isEqualTo(Json.MAPPER.valueToTree(Map.of("greeting", "hi", "instance", "greet")));
    assertError(get("/plugins/ghost/status"), 404, "no instance named 'ghost'");
  }

  @Test
  void errorCounts_areTaggedByKind() throws Exception {
    review("/validate", "reviews/pod-create.json");

    assertThat(get("/metrics").body())
        .contains(
            "harbormaster_instance_errors_total{instance=\"flaky\",kind=\"exception\",plugin=\"scripted\"} 1");
  }

  @Test
  void shutdown_finishesReviewsInFlight() throws Exception {
    server.shutdown();
    server =
        start(
            """
            server: {address: 127.0.0.1, port: 0, plainHttp: true, shutdownGrace: 20s}
            instances: [{name: slow, plugin: scripted, scope: validating, timeout: 20s, config: {behaviour: block}}]
            """);
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(
            request("/validate", Fixtures.bytes("reviews/pod-create.json")),
            HttpResponse.BodyHandlers.ofString());
    scripted.awaitEntered();

    CompletableFuture<Void> shutdown = CompletableFuture.runAsync(server::shutdown);
    scripted.release();
    shutdown.join();

    HttpResponse<String> response = inFlight.join();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("slow finished");
  }

  @Test
  void shutdownDelay_failsReadinessAtOnce_butKeepsServingReviewsUntilItEnds() throws Exception {
    server.shutdown();
    server =
        start(
            """
            server: {address: 127.0.0.1, port: 0, plainHttp: true, shutdownDelay: 3s}
            instances: [{name: hello, plugin: greeting, scope: validating, config: {greeting: hi}}]
            """);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    URI healthz = uri("/healthz");

    CompletableFuture<Void> shutdown = CompletableFuture.runAsync(server::shutdown);
    int readyz = 200;
    for (int i = 0; i < 200 && readyz == 200; i++) {
      readyz = get("/readyz").statusCode();
      if (readyz == 200) Thread.sleep(5);
    }
    HttpResponse<String> during = post("/validate", Fixtures.bytes("reviews/pod-create.json"));
    shutdown.join();

    assertThat(readyz).isEqualTo(503);
    assertThat(during.statusCode()).as("a review after readiness failed").isEqualTo(200);
    assertThatThrownBy(() -> send(HttpRequest.newBuilder(healthz).GET()))
        .as("the port is closed once the delay is over")
        .isInstanceOf(java.io.IOException.class);
    server = start(CONFIG); // for @AfterEach
  }

  @Test
  void theApiServersTimeoutParameter_boundsTheReview() throws Exception {
    server.shutdown();
    server =
        start(
            """
            server: {address: 127.0.0.1, port: 0, plainHttp: true}
            instances: [{name: slow, plugin: scripted, scope: validating, timeout: 30s, config: {behaviour: block}}]
            """);

    JsonNode r =
        Json.MAPPER
            .readTree(
                post("/validate?timeout=1s", Fixtures.bytes("reviews/pod-create.json")).body())
            .path("response");

    assertThat(r.path("allowed").asBoolean()).isFalse();
    assertThat(r.path("status").path("code").asInt()).isEqualTo(504);
  }

  private HostServer start(String yaml) {
    return HostServer.start(
        TestConfigs.parse(dir, yaml),
        PluginCatalog.of(Map.of("greeting", new GreetingPlugin(), "scripted", scripted)));
  }

  private JsonNode review(String path, String fixture) throws Exception {
    HttpResponse<String> response = post(path, Fixtures.bytes(fixture));
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body()).path("response");
  }

  private static void assertError(HttpResponse<String> response, int status, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    JsonNode body = Json.MAPPER.readTree(response.body());
    assertThat(body.path("code").asInt()).isEqualTo(status);
    assertThat(body.path("error").asString()).isNotBlank().contains(message);
  }

  private HttpResponse<String> post(String path, byte[] body) throws Exception {
    return client.send(request(path, body), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path, byte[] body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
    return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }
}
