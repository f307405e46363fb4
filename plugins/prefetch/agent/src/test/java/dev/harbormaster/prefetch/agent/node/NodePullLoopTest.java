package dev.harbormaster.prefetch.agent.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.auth.Keyring;
import dev.harbormaster.prefetch.agent.MutableClock;
import dev.harbormaster.prefetch.agent.PullSecrets;
import dev.harbormaster.prefetch.agent.cri.CriClient;
import dev.harbormaster.prefetch.agent.pull.DiskGuard;
import dev.harbormaster.prefetch.agent.pull.ImagePuller;
import dev.harbormaster.prefetch.model.NodeImage;
import dev.harbormaster.prefetch.model.PullPhase;
import dev.harbormaster.testkit.containerd.ContainerdNode;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import dev.harbormaster.worker.RetryPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The node loop against a real containerd and real docker-registry peers. */
class NodePullLoopTest {
  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  private static ContainerdNode node;
  private static CriClient cri;
  private static RegistryPeer privateRegistry;

  @BeforeAll
  static void start() {
    node = ContainerdNode.start(peers);
    cri = peers.manage(CriClient.connect(node.containerd().socket()));
    privateRegistry = node.trustedRegistry(RegistryPeer.builder().htpasswd("loop", "right"));
  }

  private static NodePullLoop loop(MutableClock clock, int attempts) {
    return loop(new ImagePuller(cri, Duration.ofMinutes(2)), clock, attempts);
  }

  private static NodePullLoop loop(ImagePuller puller, MutableClock clock, int attempts) {
    return new NodePullLoop(
        puller,
        new LoopSettings(
            2,
            100,
            new RetryPolicy(attempts, Duration.ofSeconds(10), RetryPolicy.MAX_CAP),
            Duration.ofMinutes(10)),
        clock,
        new PullMetrics(new SimpleMeterRegistry()));
  }

  /**
   * Waits (no timing asserted) until the image's entry satisfies {@code done} and its attempt has
   * left the queue.
   */
  private static NodeImage await(NodePullLoop loop, String image, Predicate<NodeImage> done)
      throws InterruptedException {
    for (int i = 0; i < 1200; i++) {
      var found =
          loop.report("n1", "").images().stream().filter(e -> e.image().equals(image)).findFirst();
      if (found.isPresent() && done.test(found.get()) && loop.idle()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no state matching for " + image + ": " + loop.report("n1", ""));
  }

  @Test
  void aBurstOfDuplicateEvents_causesOnePull() throws Exception {
    RegistryPeer registry = node.trustedPlainRegistry();
    TestImage image = TestImages.singlePlatform(731);
    String ref = node.push(image, registry, "burst/app:v1");
    PullIntent intent = new PullIntent(ref, Keyring.anonymous(), "", "gen-1");
    try (NodePullLoop loop = loop(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")), 3)) {
      int queued =
          IntStream.range(0, 50).parallel().map(i -> loop.reconcile(List.of(intent))).sum();

      NodeImage done = await(loop, ref, e -> e.phase() == PullPhase.Available);

      assertThat(queued).isEqualTo(1);
      assertThat(done.imageRef()).startsWith("sha256:");
      assertThat(node.containerd().imageNames()).contains(ref);
      String layer = image.images().getFirst().layers().getFirst().blob().digest();
      assertThat(registry.accessLog().count("GET", "/v2/burst/app/blobs/" + layer)).isEqualTo(1);
      assertThat(loop.reconcile(List.of(intent))).as("available: nothing to do").isZero();
    }
  }

  @Test
  void aWrongPassword_backsOff10sDoubling_thenErrorAfterTheConfiguredAttempts() throws Exception {
    String ref = node.push(TestImages.singlePlatform(732), privateRegistry, "denied/app:v1");
    Keyring wrong = PullSecrets.keyring("hm/pull", privateRegistry.host(), "loop", "wrong");
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (NodePullLoop loop = loop(clock, 3)) {
      assertThat(loop.reconcile(List.of(new PullIntent(ref, wrong, "", "gen-1")))).isEqualTo(1);
      NodeImage first = await(loop, ref, e -> e.attempts() == 1 && e.phase() == PullPhase.Failed);
      assertThat(first.reason()).isEqualTo("auth");

      clock.advance(Duration.ofMillis(9_999));
      assertThat(loop.tick()).as("before the 10 s backoff").isZero();
      clock.advance(Duration.ofMillis(1));
      assertThat(loop.tick()).as("at 10 s").isEqualTo(1);
      await(loop, ref, e -> e.attempts() == 2 && e.phase() == PullPhase.Failed);

      clock.advance(Duration.ofMillis(19_999));
      assertThat(loop.tick()).as("before the 20 s backoff").isZero();
      clock.advance(Duration.ofMillis(1));
      assertThat(loop.tick()).as("at 20 s").isEqualTo(1);
      NodeImage error = await(loop, ref, e -> e.phase() == PullPhase.Error);

      assertThat(error.attempts()).isEqualTo(3);
      assertThat(error.reason()).isEqualTo("auth");
      assertThat(error.message()).containsIgnoringCase("401");
      clock.advance(Duration.ofHours(1));
      assertThat(loop.tick()).as("Error stays until something changes").isZero();

      Keyring right = PullSecrets.keyring("hm/pull", privateRegistry.host(), "loop", "right");
      assertThat(loop.reconcile(List.of(new PullIntent(ref, right, "", "gen-2"))))
          .as("a changed secret restarts the attempts")
          .isEqualTo(1);
      NodeImage ok = await(loop, ref, e -> e.phase() == PullPhase.Available);
      assertThat(ok.attempts()).isZero();
    }
  }

  @Test
  void aFullDisk_holdsPullsBackWithoutSpendingAttempts_untilThereIsRoom() throws Exception {
    String ref =
        node.push(TestImages.singlePlatform(734), node.trustedPlainRegistry(), "full/app:v1");
    java.util.concurrent.atomic.AtomicLong free = new java.util.concurrent.atomic.AtomicLong(10);
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    ImagePuller guarded =
        new ImagePuller(cri, Duration.ofMinutes(2), DiskGuard.of(free::get, 1_000, "/images"));
    try (NodePullLoop loop = loop(guarded, clock, 2)) {
      loop.reconcile(List.of(new PullIntent(ref, Keyring.anonymous(), "", "g")));
      NodeImage held = await(loop, ref, e -> e.reason().equals("disk"));
      assertThat(held.phase()).isEqualTo(PullPhase.Pending);
      assertThat(held.attempts()).isZero();
      for (int i = 0; i < 3; i++) { // more refusals than attempts allowed: still no Error
        clock.advance(Duration.ofSeconds(10));
        assertThat(loop.tick()).isEqualTo(1);
        await(loop, ref, e -> e.phase() == PullPhase.Pending && e.reason().equals("disk"));
      }

      free.set(1_000_000);
      clock.advance(Duration.ofSeconds(10));
      loop.tick();

      assertThat(await(loop, ref, e -> e.phase() == PullPhase.Available).attempts()).isZero();
    }
  }

  @Test
  void anImageNoIntentWantsAnyMore_leavesTheReport() throws Exception {
    String ref =
        node.push(TestImages.singlePlatform(733), node.trustedPlainRegistry(), "gone/app:v1");
    try (NodePullLoop loop = loop(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")), 3)) {
      loop.reconcile(List.of(new PullIntent(ref, Keyring.anonymous(), "", "g")));
      await(loop, ref, e -> e.phase() == PullPhase.Available);

      loop.reconcile(List.of());

      assertThat(loop.report("n1", "").images()).isEmpty();
      assertThat(loop.wantedImages()).isEmpty();
    }
  }
}
