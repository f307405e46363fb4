package dev.harbormaster.plugin.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.plugin.prefetch.config.PrefetchConfig;
import dev.harbormaster.prefetch.model.ImagePrefetch;
import dev.harbormaster.prefetch.model.ImageSummary;
import dev.harbormaster.prefetch.model.NodeImage;
import dev.harbormaster.prefetch.model.NodeReport;
import dev.harbormaster.prefetch.model.PrefetchNodeStatus;
import dev.harbormaster.prefetch.model.PullPhase;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Decision;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The plugin against fabric8's mock API server in CRUD mode (a real API server cannot run here):
 * proves the objects written and read, not RBAC, server-side apply field ownership or garbage
 * collection of the copied secrets by their owner reference. The plugin gets its own client of the
 * mock server, since stopping an instance closes its client.
 */
@EnableKubernetesMockClient(crud = true)
class PrefetchPluginTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  private static final String HM = "harbormaster-system";

  private static final PrefetchConfig CONFIG =
      new PrefetchConfig(HM, Map.of(), Duration.ofHours(1), true, 100, 1, Duration.ofSeconds(1));

  private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done)
      throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      T v = read.get();
      if (v != null && done.test(v)) {
        return v;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("never reached; last: " + read.get());
  }

  private static ImagePrefetch intent(String name) {
    return client.resources(ImagePrefetch.class).inNamespace(HM).withName(name).get();
  }

  @Test
  void admittingADeployment_writesItsImagePrefetch_andCopiesPodAndServiceAccountPullSecrets()
      throws Exception {
    MockCluster cluster = new MockCluster(client);
    cluster.createPullSecret("shop", "pod-pull", "{}");
    cluster.createPullSecret("shop", "sa-pull", "{}");
    cluster.createServiceAccount("shop", "web-sa", "sa-pull");
    var object =
        Reviews.deployment(
            """
            {"nodeSelector": {"pool": "web"}, "serviceAccountName": "web-sa",
             "imagePullSecrets": [{"name": "pod-pull"}, {"name": "absent"}],
             "containers": [{"name": "a", "image": "registry.example.com/shop/web:2"}]}
            """);
    try (TestContext context = new TestContext(false)) {
      AdmissionHandler handler =
          PrefetchPlugin.start(CONFIG, context, server.createClient(), Clock.systemUTC());

      Decision d = handler.review(Reviews.create("Deployment", object, false));

      assertThat(d).isInstanceOf(Decision.Allow.class);
      ImagePrefetch written =
          await(() -> intent("deployment-shop-web"), p -> p.getSpec().pullSecrets().size() == 2);
      assertThat(written.getSpec().images()).containsExactly("registry.example.com/shop/web:2");
      assertThat(written.getSpec().nodeSelector()).isEqualTo(Map.of("pool", "web"));
      assertThat(written.getSpec().ttlSeconds()).isEqualTo(3600);
      assertThat(written.getSpec().owner().describe()).isEqualTo("Deployment shop/web");
      assertThat(written.getSpec().pullSecrets())
          .containsExactly("deployment-shop-web-pod-pull", "deployment-shop-web-sa-pull");
      Secret copy =
          await(
              () -> client.secrets().inNamespace(HM).withName("deployment-shop-web-sa-pull").get(),
              s -> true);
      assertThat(copy.getData())
          .isEqualTo(MockCluster.pullSecret("shop", "sa-pull", "{}").getData());
      assertThat(copy.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
      assertThat(copy.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.getKind()).isEqualTo("ImagePrefetch");
                assertThat(o.getUid()).isEqualTo(written.getMetadata().getUid());
              });
      PrefetchStatus published = await(() -> context.current(), s -> s.written() == 1);
      assertThat(published.recent())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.name()).isEqualTo("deployment-shop-web");
                assertThat(e.owner()).isEqualTo("Deployment shop/web");
                assertThat(e.outcome()).isEqualTo("written");
              });
      handler.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void aDryRunRequest_writesNothing_andSaysWhatItWouldPrefetch() throws Exception {
    var object =
        Reviews.deployment("{\"containers\": [{\"name\": \"a\", \"image\": \"dry/app:1\"}]}");
    object.withObject("metadata").put("name", "dry");
    try (TestContext context = new TestContext(false)) {
      AdmissionHandler handler =
          PrefetchPlugin.start(CONFIG, context, server.createClient(), Clock.systemUTC());

      Decision d = handler.review(Reviews.create("Deployment", object, true));

      assertThat(d.auditAnnotations()).containsEntry("would-prefetch", "docker.io/dry/app:1");
      handler.stop(Duration.ofSeconds(5));
      assertThat(intent("deployment-shop-dry")).isNull();
      assertThat(context.counter("harbormaster.prefetch.intents", "result", "dry-run"))
          .isEqualTo(1);
    }
  }

  @Test
  void admission_makesNoApiCall_evenWhenTheApiServerIsUnreachable() throws Exception {
    var object = Reviews.deployment("{\"containers\": [{\"name\": \"a\", \"image\": \"x/y:1\"}]}");
    try (TestContext context = new TestContext(false);
        KubernetesClient unreachable =
            new KubernetesClientBuilder()
                .withConfig(
                    new io.fabric8.kubernetes.client.ConfigBuilder()
                        .withMasterUrl("https://127.0.0.1:1")
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build()) {
      AdmissionHandler handler =
          PrefetchPlugin.start(CONFIG, context, unreachable, Clock.systemUTC());
      for (int i = 0; i < 20; i++) {
        assertThat(handler.review(Reviews.create("Deployment", object, false)))
            .isInstanceOf(Decision.Allow.class);
      }
      assertThat(
              context.counter("harbormaster.prefetch.intents", "result", "enqueued")
                  + context.counter("harbormaster.prefetch.intents", "result", "replaced")
                  + context.counter("harbormaster.prefetch.intents", "result", "deduplicated"))
          .isEqualTo(20);
      PrefetchStatus status = await(() -> context.current(), st -> !st.recent().isEmpty());
      assertThat(status.recent().getFirst().outcome())
          .as("an unreachable API server is a transient failure")
          .isEqualTo("retrying");
      handler.stop(Duration.ofMillis(100));
    }
  }

  @Test
  void nodeReports_areAggregatedIntoTheImagePrefetchStatus() throws Exception {
    var object =
        Reviews.deployment("{\"containers\": [{\"name\": \"a\", \"image\": \"agg/app:1\"}]}");
    object.withObject("metadata").put("name", "agg");
    String image = "docker.io/agg/app:1";
    for (var n : List.of("node-a", "node-b")) {
      PullPhase phase = n.equals("node-a") ? PullPhase.Available : PullPhase.Error;
      client
          .resource(
              PrefetchNodeStatus.of(
                  n,
                  new NodeReport(
                      n, "containerd", List.of(new NodeImage(image, phase, 1, "", "", "", 0, "")))))
          .create();
    }
    try (TestContext context = new TestContext(false)) {
      AdmissionHandler handler =
          PrefetchPlugin.start(CONFIG, context, server.createClient(), Clock.systemUTC());
      handler.review(Reviews.create("Deployment", object, false));

      ImagePrefetch aggregated =
          await(() -> intent("deployment-shop-agg"), p -> p.getStatus() != null);

      assertThat(aggregated.getStatus().nodes()).isEqualTo(2);
      assertThat(aggregated.getStatus().images())
          .containsExactly(new ImageSummary(image, 0, 0, 1, 0, 1, List.of("node-b")));
      await(() -> context.current(), s -> s.aggregation().intents() >= 1);
      handler.stop(Duration.ofSeconds(5));
    }
  }
}
