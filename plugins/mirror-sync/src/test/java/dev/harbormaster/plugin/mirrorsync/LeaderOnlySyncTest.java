package dev.harbormaster.plugin.mirrorsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.plugin.mirrorsync.config.MirrorSyncConfig;
import dev.harbormaster.plugin.mirrorsync.lease.LeaseElector;
import dev.harbormaster.plugin.mirrorsync.status.SyncMetrics;
import dev.harbormaster.plugin.mirrorsync.status.SyncStatus;
import dev.harbormaster.spi.config.ConfigBinder;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.worker.RetryPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Two host replicas, one Lease: only the holder's pass runs. The Kubernetes API server cannot run
 * here, so the Lease lives in fabric8's mock server (CRUD mode); the registries are real.
 */
@EnableKubernetesMockClient(crud = true)
class LeaderOnlySyncTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();
  static KubernetesClient client;

  @TempDir Path dir;

  private record Replica(
      TestContext context, MirrorSync sync, MirrorSyncPlugin.PassRunner runner) {}

  private Replica replica(String identity, MirrorSyncConfig config, Path stateDir) {
    TestContext context = new TestContext(false, stateDir);
    LeaseElector elector =
        new LeaseElector(
            client, "infra", "mirror", identity, Duration.ofSeconds(15), Clock.systemUTC());
    elector.tryAcquireOrRenew();
    MirrorSync sync =
        new MirrorSync(
            config,
            stateDir,
            identity,
            new SyncMetrics(context.meterRegistry(), context.meterTags()),
            new CommandProgress(System.err),
            RetryPolicy.DEFAULT,
            Clock.systemUTC());
    return new Replica(
        context,
        sync,
        new MirrorSyncPlugin.PassRunner(
            identity, sync, elector, context, false, Duration.ofMinutes(10)));
  }

  @Test
  void ofTwoReplicas_onlyTheLeaseHolderSyncs() throws Exception {
    RegistryPeer upstream = PEERS.plain();
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    dev.harbormaster.testkit.registry.TestImages.singlePlatform(801)
        .pushWithSkopeo(upstream, "acme/app:v1");
    String yaml =
        """
        target: {registry: "%s", insecure: true}
        registries: [{registry: "%s", insecure: true}]
        mirrors: [{source: "%s/acme/app"}]
        """
            .formatted(target.host(), upstream.host(), upstream.host());
    MirrorSyncConfig config =
        ConfigBinder.bind(new YAMLMapper().readTree(yaml), MirrorSyncConfig.class);
    Replica a = replica("pod-a", config, dir.resolve("a"));
    Replica b = replica("pod-b", config, dir.resolve("b"));
    int upstreamMark = upstream.accessLog().size();

    a.runner().startPass();
    b.runner().startPass();

    SyncStatus leading =
        a.context()
            .awaitStatus(SyncStatus.class, s -> s.leader() && s.lastRunFinished().isPresent());
    a.sync().drain(Duration.ofSeconds(30));
    b.sync().drain(Duration.ofSeconds(30));
    SyncStatus standing = (SyncStatus) b.context().lastStatus().orElse(null);
    assertThat(leading.mirrors().get(0).tagsQueued()).isEqualTo(1);
    assertThat(standing.leader()).isFalse();
    assertThat(standing.lastRunStarted()).as("the other replica never ran a pass").isEmpty();
    assertThat(
            upstream.accessLog().since(upstreamMark).stream()
                .filter(e -> e.path().endsWith("/tags/list")))
        .as("one tag listing: one pass")
        .hasSize(1);
    assertThat(PEERS.skopeo().inspectRaw(target.dockerRef("acme/app:v1")))
        .isEqualTo(PEERS.skopeo().inspectRaw(upstream.dockerRef("acme/app:v1")));
    a.context().close();
    b.context().close();
  }
}
