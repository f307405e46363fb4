package dev.harbormaster.plugin.mirrorsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.plugin.mirrorsync.config.MirrorSyncConfig;
import dev.harbormaster.plugin.mirrorsync.status.MirrorStatus;
import dev.harbormaster.plugin.mirrorsync.status.SyncStatus;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.config.ConfigBinder;
import dev.harbormaster.testkit.plugin.TestReviews;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The plugin in the host's role, against real registries: a pass at start-up, images of admitted
 * workloads queued with priority (never on the admission path), status and metrics, audit mode.
 */
class MirrorSyncPluginTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static Upstream upstream;

  @TempDir Path dir;

  @BeforeAll
  static void buildUpstream() throws Exception {
    upstream = new Upstream(PEERS.plain()).build();
  }

  private MirrorSyncConfig config(RegistryPeer target) {
    String yaml =
        """
        target: {registry: "%s", prefix: mirror, insecure: true}
        registries: [{registry: "%s", insecure: true}]
        interval: 1h
        leaderElection: {enabled: false}
        mirrors:
          - source: %s/library/nginx
            tags: {allow: ['^1\\.25\\.'], latest: 1}
        """
            .formatted(target.host(), upstream.registry.host(), upstream.registry.host());
    return ConfigBinder.bind(YAML.readTree(yaml), MirrorSyncConfig.class);
  }

  private static boolean has(RegistryPeer target, String tag) {
    return PEERS
            .skopeo()
            .tryInspectRaw(target.dockerRef("mirror/library/nginx:" + tag), Optional.empty())
            .exitCode()
        == 0;
  }

  @Test
  void startUpPass_copiesTheSelectedTags_andAdmittedImagesAreQueuedWithPriority() throws Exception {
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    try (TestContext context = new TestContext(false, dir)) {
      AdmissionHandler handler = new MirrorSyncPlugin().start(config(target), context);
      SyncStatus afterPass =
          context.awaitStatus(
              SyncStatus.class, s -> !s.running() && s.mirrors().get(0).tagsCopied() == 1);
      assertThat(afterPass.leader()).isTrue();
      assertThat(afterPass.mirrors().get(0).tagsConsidered()).isEqualTo(1);
      assertThat(has(target, "1.25.9")).isTrue();

      String host = upstream.registry.host();
      Decision d =
          handler.review(
              TestReviews.pod(
                  false,
                  host + "/library/nginx:1.25.3",
                  host + "/library/nginx:1.26.0", // not allowed by the mirror's filter
                  "docker.io/library/redis:7")); // no mirror for it

      assertThat(d).isInstanceOf(Decision.Allow.class);
      assertThat(d.auditAnnotations()).containsEntry("queued", host + "/library/nginx:1.25.3");
      SyncStatus later =
          context.awaitStatus(SyncStatus.class, s -> s.mirrors().get(0).tagsCopied() == 2);
      MirrorStatus m = later.mirrors().get(0);
      assertThat(m.tagsFailed()).isZero();
      assertThat(m.tagsQueued()).isEqualTo(2);
      assertThat(m.tagsPending()).isZero();
      assertThat(m.bytesCopied()).isPositive();
      assertThat(has(target, "1.25.3")).isTrue();
      assertThat(has(target, "1.26.0")).isFalse();
      assertThat(context.counter("harbormaster.mirrorsync.tags.copied")).isEqualTo(2);
      assertThat(context.counter("harbormaster.mirrorsync.tags.checked")).isEqualTo(1);
      handler.stop(Duration.ofSeconds(10));
    }
  }

  @Test
  void requestDryRun_queuesNothing_andSaysWhatWouldBeQueued() throws Exception {
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    try (TestContext context = new TestContext(false, dir)) {
      AdmissionHandler handler = new MirrorSyncPlugin().start(config(target), context);
      context.awaitStatus(SyncStatus.class, s -> s.mirrors().get(0).tagsCopied() == 1);
      String image = upstream.registry.host() + "/library/nginx:1.25.4";

      Decision d = handler.review(TestReviews.pod(true, image));

      assertThat(d.auditAnnotations()).containsEntry("would-queue", image);
      handler.stop(Duration.ofSeconds(10));
      assertThat(has(target, "1.25.4")).isFalse();
    }
  }

  @Test
  void instanceDryRun_plansButCopiesNothing() throws Exception {
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    int mark = target.accessLog().size();
    try (TestContext context = new TestContext(true, dir)) {
      AdmissionHandler handler = new MirrorSyncPlugin().start(config(target), context);
      SyncStatus s =
          context.awaitStatus(
              SyncStatus.class, st -> st.lastRunFinished().isPresent() && !st.running());
      assertThat(s.mirrors().get(0).tagsConsidered()).isEqualTo(1);
      assertThat(s.mirrors().get(0).tagsQueued()).isZero();
      handler.stop(Duration.ofSeconds(10));
    }
    assertThat(target.accessLog().since(mark))
        .noneMatch(e -> e.method().equals("PUT") || e.method().equals("POST"));
  }
}
