package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.runtime.HostServer;
import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestPki;
import dev.harbormaster.testkit.pki.TlsFiles;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real host, started in-process on the ConfigMap's config (TLS from a test PKI, any free
 * loopback port, the distribution's plugin jars), answers on exactly the paths that deploy/
 * registers: the probes' paths and both webhooks' paths. The reviews come back allowed with
 * warnings only, which shows every instance is in audit mode.
 */
class HostRoutesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String REVIEW =
      """
      {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
       "request": {"uid": "%s", "operation": "CREATE", "namespace": "team-a",
         "kind": {"group": "", "version": "v1", "kind": "Pod"},
         "resource": {"group": "", "version": "v1", "resource": "pods"},
         "userInfo": {"username": "alice"},
         "object": {"apiVersion": "v1", "kind": "Pod",
           "metadata": {"name": "web", "namespace": "team-a"},
           "spec": {"containers": [{"name": "web", "image": "nginx:latest"}]}}}}
      """;

  @TempDir static Path dir;
  private static HostServer host;
  private static HttpClient client;

  @BeforeAll
  static void startTheHost() {
    // mirror-sync takes part in leader election (a Lease) even in audit mode: point its
    // Kubernetes client at a closed loopback port, so that it fails fast and stays on loopback.
    System.setProperty("kubernetes.master", "https://127.0.0.1:1");
    System.setProperty("kubernetes.auth.tryKubeConfig", "false");
    System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    TestPki pki = TestPki.create(KeyType.EC_P256);
    TlsFiles tls = pki.writeServerFiles(dir, KeyEncoding.PKCS8);
    Path config =
        DeployedConfig.of(Overlay.CERT_MANAGER.render())
            .writeLocal(dir, tls, DeployedConfig.pluginDirectory(), true);
    host = HostServer.start(ConfigLoader.load(config));
    client = HttpClient.newBuilder().sslContext(pki.clientSslContext()).build();
  }

  @AfterAll
  static void stopTheHost() {
    if (host != null) {
      host.close();
    }
    System.clearProperty("kubernetes.master");
    System.clearProperty("kubernetes.auth.tryKubeConfig");
    System.clearProperty("kubernetes.auth.tryServiceAccount");
  }

  @Test
  void theProbesPaths_answer200() throws Exception {
    Container c =
        Overlay.CERT_MANAGER
            .render()
            .one(Deployment.class, "harbormaster")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .getFirst();

    for (String path :
        new String[] {
          c.getReadinessProbe().getHttpGet().getPath(), c.getLivenessProbe().getHttpGet().getPath()
        }) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
    }
  }

  @Test
  void theMutatingWebhooksPath_reviews_inAuditMode() throws Exception {
    String path =
        Overlay.CERT_MANAGER
            .render()
            .one(MutatingWebhookConfiguration.class, "harbormaster")
            .getWebhooks()
            .getFirst()
            .getClientConfig()
            .getService()
            .getPath();

    JsonNode response = review(path, "uid-mutate");

    assertThat(response.path("uid").asString()).isEqualTo("uid-mutate");
    assertThat(response.path("allowed").asBoolean()).isTrue();
    assertThat(response.has("patch")).as("audit mode applies no patch: %s", response).isFalse();
    assertThat(response.path("warnings").toString()).contains("harbor.example.com/dockerhub-proxy");
  }

  @Test
  void theValidatingWebhooksPath_reviews_inAuditMode() throws Exception {
    String path =
        Overlay.CERT_MANAGER
            .render()
            .one(ValidatingWebhookConfiguration.class, "harbormaster")
            .getWebhooks()
            .getFirst()
            .getClientConfig()
            .getService()
            .getPath();

    JsonNode response = review(path, "uid-validate");

    assertThat(response.path("uid").asString()).isEqualTo("uid-validate");
    assertThat(response.path("allowed").asBoolean()).as("audit mode never denies").isTrue();
    assertThat(response.path("warnings").toString()).contains("latest");
  }

  @Test
  void everyMetricTheAlertsUse_isServedOnMetrics_orOnlyRegisteredOnItsFirstEvent()
      throws Exception {
    review("/validate", "uid-metrics");
    String metrics = get("/metrics").body();
    // Registered lazily, on the first event of their kind (the code paths named here), so a fresh
    // host in audit mode cannot show them. The prefetch instance's meters are there: the review
    // above is its first offer (result dry-run), and its write counters exist from the start.
    var lazy =
        java.util.Set.of(
            "harbormaster_instance_errors_total", // HostMetrics.instance: first timeout or
            // exception
            "harbormaster_mirrorsync_tags_failed_total"); // SyncMetrics: first failed tag

    assertThat(Monitoring.metricNames())
        .filteredOn(name -> !lazy.contains(name))
        .isNotEmpty()
        .allSatisfy(name -> assertThat(metrics).as("/metrics").contains(name));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("https://localhost:" + host.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode review(String path, String uid) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("https://localhost:" + host.port() + path + "?timeout=5s"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(REVIEW.formatted(uid)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("POST %s: %s", path, r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("response");
  }
}
