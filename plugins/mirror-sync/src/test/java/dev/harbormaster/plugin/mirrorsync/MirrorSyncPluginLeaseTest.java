package dev.harbormaster.plugin.mirrorsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.plugin.mirrorsync.config.MirrorSyncConfig;
import dev.harbormaster.plugin.mirrorsync.status.SyncStatus;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.config.ConfigBinder;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImages;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The plugin's own election wiring (client from the environment, Lease renewal on the scheduler,
 * passes gated by it) with two started instances. The Kubernetes API server cannot run here: the
 * client is pointed (through fabric8's {@code kubernetes.master} property) at fabric8's mock server
 * in CRUD mode; the registries are real.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class MirrorSyncPluginLeaseTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();
  static KubernetesMockServer server;

  @TempDir Path dir;

  @AfterEach
  void clearProperties() {
    System.clearProperty("kubernetes.master");
    System.clearProperty("kubernetes.auth.tryKubeConfig");
  }

  private MirrorSyncConfig config(RegistryPeer upstream, RegistryPeer target, String identity) {
    String yaml =
        """
        target: {registry: "%s", insecure: true}
        registries: [{registry: "%s", insecure: true}]
        mirrors: [{source: "%s/acme/app"}]
        leaderElection: {namespace: infra, leaseName: mirror, identity: %s, leaseDuration: 10s, renewPeriod: 1s}
        """
            .formatted(target.host(), upstream.host(), upstream.host(), identity);
    return ConfigBinder.bind(new YAMLMapper().readTree(yaml), MirrorSyncConfig.class);
  }

  @Test
  void ofTwoStartedInstances_onlyTheLeaseHolderSyncs() throws Exception {
    System.setProperty("kubernetes.master", server.url("/"));
    System.setProperty("kubernetes.auth.tryKubeConfig", "false");
    RegistryPeer upstream = PEERS.plain();
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    TestImages.singlePlatform(811).pushWithSkopeo(upstream, "acme/app:v1");

    try (TestContext a = new TestContext(false, dir);
        TestContext b = new TestContext(false, dir)) {
      AdmissionHandler first = new MirrorSyncPlugin().start(config(upstream, target, "pod-a"), a);
      SyncStatus leading =
          a.awaitStatus(
              SyncStatus.class,
              s -> s.leader() && s.mirrors().get(0).tagsCopied() == 1 && !s.running());
      AdmissionHandler second = new MirrorSyncPlugin().start(config(upstream, target, "pod-b"), b);
      Thread.sleep(2_500); // several renew periods: b keeps trying and keeps losing

      SyncStatus standing = (SyncStatus) b.lastStatus().orElse(null);
      assertThat(leading.lastRunStarted()).isPresent();
      assertThat(standing.leader()).isFalse();
      assertThat(standing.lastRunStarted()).isEmpty();
      second.stop(Duration.ofSeconds(5));
      first.stop(Duration.ofSeconds(5));
    }
    assertThat(PEERS.skopeo().inspectRaw(target.dockerRef("acme/app:v1")))
        .isEqualTo(PEERS.skopeo().inspectRaw(upstream.dockerRef("acme/app:v1")));
  }
}
