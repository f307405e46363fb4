package dev.harbormaster.plugin.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.plugin.prefetch.config.PrefetchConfig;
import dev.harbormaster.prefetch.agent.cri.CriClient;
import dev.harbormaster.prefetch.agent.node.AgentSettings;
import dev.harbormaster.prefetch.agent.node.LoopSettings;
import dev.harbormaster.prefetch.agent.node.NodeAgent;
import dev.harbormaster.prefetch.agent.node.NodePullLoop;
import dev.harbormaster.prefetch.agent.node.PullMetrics;
import dev.harbormaster.prefetch.agent.node.StatusReporter;
import dev.harbormaster.prefetch.agent.pull.ImagePuller;
import dev.harbormaster.prefetch.model.ImagePrefetch;
import dev.harbormaster.prefetch.model.ImageSummary;
import dev.harbormaster.prefetch.model.PrefetchNodeStatus;
import dev.harbormaster.prefetch.model.PullPhase;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.testkit.containerd.ContainerdNode;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImages;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Admission → ImagePrefetch → agent → PrefetchNodeStatus → aggregated status. fabric8's mock API
 * server in CRUD mode stands in for the API server (which cannot run here); the agent pulls a
 * private image from a real htpasswd docker-registry into a real containerd, with the pull secret
 * of the workload's service account that the plugin copied.
 */
@EnableKubernetesMockClient(crud = true)
class PrefetchEndToEndTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  private static final String HM = "harbormaster-system";

  @Test
  void anAdmittedDeployment_isPulledOnItsSelectedNode_andReportedInTheIntentsStatus()
      throws Exception {
    ContainerdNode node = ContainerdNode.start(peers);
    RegistryPeer registry = node.trustedRegistry(RegistryPeer.builder().htpasswd("shop", "pw"));
    String image = node.push(TestImages.singlePlatform(791), registry, "shop/web:2");
    String auths =
        "{\"auths\":{\"" + registry.host() + "\":{\"username\":\"shop\",\"password\":\"pw\"}}}";
    MockCluster cluster = new MockCluster(client);
    cluster.createPullSecret("shop", "regcred", auths);
    cluster.createServiceAccount("shop", "default", "regcred");
    cluster.createNode("node-a", Map.of("pool", "web"));
    PrefetchConfig config =
        new PrefetchConfig(HM, Map.of(), Duration.ofHours(1), true, 100, 1, Duration.ofSeconds(1));
    KubernetesClient agentClient = server.createClient();

    try (TestContext context = new TestContext(false);
        CriClient cri = CriClient.connect(node.containerd().socket());
        NodeAgent agent =
            new NodeAgent(
                agentClient,
                new NodePullLoop(
                    new ImagePuller(cri, Duration.ofMinutes(2)),
                    LoopSettings.defaults(),
                    InstantSource.system(),
                    new PullMetrics(new SimpleMeterRegistry())),
                new StatusReporter(agentClient, Duration.ofMillis(200), InstantSource.system()),
                cri.version().describe(),
                new AgentSettings(
                    "node-a",
                    HM,
                    Duration.ofMillis(100),
                    Duration.ofMillis(200),
                    Duration.ofMinutes(5)),
                InstantSource.system())) {
      AdmissionHandler handler =
          PrefetchPlugin.start(config, context, server.createClient(), Clock.systemUTC());
      agent.start();

      handler.review(
          Reviews.create(
              "Deployment",
              Reviews.deployment(
                  "{\"nodeSelector\": {\"pool\": \"web\"}, \"containers\": [{\"name\": \"web\", \"image\": \""
                      + image
                      + "\"}]}"),
              false));

      ImagePrefetch done = null;
      for (int i = 0; i < 1200 && done == null; i++) {
        ImagePrefetch p =
            client
                .resources(ImagePrefetch.class)
                .inNamespace(HM)
                .withName("deployment-shop-web")
                .get();
        if (p != null
            && p.getStatus() != null
            && !p.getStatus().images().isEmpty()
            && p.getStatus().images().getFirst().available() == 1) {
          done = p;
        }
        Thread.sleep(50);
      }

      assertThat(done).as("aggregated status with the image available on node-a").isNotNull();
      assertThat(done.getStatus().images())
          .containsExactly(new ImageSummary(image, 0, 0, 1, 0, 0, List.of()));
      assertThat(done.getSpec().pullSecrets()).containsExactly("deployment-shop-web-regcred");
      assertThat(node.containerd().imageNames()).contains(image);
      assertThat(
              client
                  .resources(PrefetchNodeStatus.class)
                  .withName("node-a")
                  .get()
                  .getSpec()
                  .images())
          .singleElement()
          .satisfies(i -> assertThat(i.phase()).isEqualTo(PullPhase.Available));
      handler.stop(Duration.ofSeconds(5));
    }
  }
}
