package dev.harbormaster.prefetch.agent.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.prefetch.agent.PullSecrets;
import dev.harbormaster.prefetch.agent.cri.CriClient;
import dev.harbormaster.prefetch.agent.pull.ImagePuller;
import dev.harbormaster.prefetch.model.ImagePrefetch;
import dev.harbormaster.prefetch.model.ImagePrefetchSpec;
import dev.harbormaster.prefetch.model.NodeImage;
import dev.harbormaster.prefetch.model.PrefetchNodeStatus;
import dev.harbormaster.prefetch.model.PullPhase;
import dev.harbormaster.prefetch.model.WorkloadOwner;
import dev.harbormaster.testkit.containerd.ContainerdNode;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImages;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent end to end: fabric8's mock API server in CRUD mode stands in for the API server (which
 * cannot run here), a real containerd pulls from a real htpasswd docker-registry.
 */
@EnableKubernetesMockClient(crud = true)
class NodeAgentTest {
  static KubernetesClient client;

  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  private static final String NS = "harbormaster-system";

  @Test
  void pullsTheImagesOfMatchingIntents_withTheirPullSecret_andReportsThem() throws Exception {
    ContainerdNode node = ContainerdNode.start(peers);
    RegistryPeer registry = node.trustedRegistry(RegistryPeer.builder().htpasswd("agent", "pw"));
    String web = node.push(TestImages.singlePlatform(751), registry, "web/app:v1");
    String db = node.push(TestImages.singlePlatform(752), registry, "db/app:v1");

    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("node-a")
                .withLabels(Map.of("pool", "web"))
                .endMetadata()
                .build())
        .create();
    client
        .secrets()
        .inNamespace(NS)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("pull-web")
                .withNamespace(NS)
                .endMetadata()
                .withType("kubernetes.io/dockerconfigjson")
                .withData(PullSecrets.dockerConfigJson(registry.host(), "agent", "pw"))
                .build())
        .create();
    client
        .resource(
            ImagePrefetch.of(
                NS,
                "deployment-shop-web",
                new ImagePrefetchSpec(
                    List.of(web),
                    Map.of("pool", "web"),
                    List.of("pull-web"),
                    "",
                    0,
                    new WorkloadOwner("apps/v1", "Deployment", "shop", "web"))))
        .create();
    client
        .resource(
            ImagePrefetch.of(
                NS,
                "deployment-shop-db",
                new ImagePrefetchSpec(
                    List.of(db), Map.of("pool", "db"), List.of("pull-web"), "", 0, null)))
        .create();

    try (CriClient cri = CriClient.connect(node.containerd().socket());
        NodeAgent agent =
            new NodeAgent(
                client,
                new NodePullLoop(
                    new ImagePuller(cri, Duration.ofMinutes(2)),
                    LoopSettings.defaults(),
                    InstantSource.system(),
                    new PullMetrics(new SimpleMeterRegistry())),
                new StatusReporter(client, Duration.ofMillis(200), InstantSource.system()),
                cri.version().describe(),
                new AgentSettings(
                    "node-a",
                    NS,
                    Duration.ofMillis(100),
                    Duration.ofMillis(200),
                    Duration.ofMinutes(5)),
                InstantSource.system())) {
      agent.start();

      NodeImage reported = awaitReported(web, PullPhase.Available);

      assertThat(reported.imageRef()).startsWith("sha256:");
      assertThat(node.containerd().imageNames()).contains(web).doesNotContain(db);
      PrefetchNodeStatus status =
          client.resources(PrefetchNodeStatus.class).withName("node-a").get();
      assertThat(status.getSpec().runtime()).startsWith("containerd");
      assertThat(status.getSpec().images()).extracting(NodeImage::image).containsExactly(web);
    }
  }

  private static NodeImage awaitReported(String image, PullPhase phase)
      throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      Optional<NodeImage> found =
          Optional.ofNullable(client.resources(PrefetchNodeStatus.class).withName("node-a").get())
              .flatMap(
                  s ->
                      s.getSpec().images().stream()
                          .filter(e -> e.image().equals(image))
                          .findFirst());
      if (found.isPresent() && found.get().phase() == phase) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "node-a never reported "
            + image
            + " "
            + phase
            + ": "
            + client.resources(PrefetchNodeStatus.class).withName("node-a").get());
  }
}
