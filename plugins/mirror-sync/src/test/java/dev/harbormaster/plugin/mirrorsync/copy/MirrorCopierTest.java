package dev.harbormaster.plugin.mirrorsync.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.NotFoundException;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.plugin.mirrorsync.config.PlatformSelection;
import dev.harbormaster.plugin.mirrorsync.plan.TargetState;
import dev.harbormaster.testkit.registry.AccessLogEntry;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The consumer against real registries: copies by digest, verifies, never moves a tag back. */
class MirrorCopierTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();
  private static RegistryPeer upstream;
  private static TestImage a;
  private static TestImage b;

  @BeforeAll
  static void push() {
    upstream = PEERS.plain();
    a = TestImages.builder().seed(701).tag("a").write();
    b = TestImages.builder().seed(702).platforms("linux/amd64", "linux/arm64/v8").tag("b").write();
    a.pushWithSkopeo(upstream, "acme/app:a");
    b.pushWithSkopeo(upstream, "acme/app:b");
    a.pushWithSkopeo(upstream, "acme/app:moving");
  }

  private static RegistryClient client(RegistryPeer... peers) {
    List<String> hosts = java.util.Arrays.stream(peers).map(RegistryPeer::host).toList();
    return RegistryClient.builder().allowHosts(hosts).insecureHosts(hosts).build();
  }

  private record Stand(RegistryPeer target, MirrorCopier copier, TargetState state) {}

  private static Stand stand(int parallelism) {
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    RegistryClient source = client(upstream);
    TargetState state = new TargetState(Duration.ofHours(1), Optional.empty());
    Function<String, RegistryClient> sources = r -> source;
    return new Stand(
        target,
        new MirrorCopier(sources, client(target), state, parallelism, Clock.systemUTC()),
        state);
  }

  private static SyncItem item(RegistryPeer target, String tag, Optional<String> digest, long gen) {
    return new SyncItem(
        upstream.host() + "/acme/app",
        ImageReference.parse(upstream.imageRef("acme/app:" + tag)),
        digest.map(Digest::parse),
        ImageReference.parse(target.imageRef("mirror/acme/app:" + tag)),
        PlatformSelection.ALL,
        gen);
  }

  private static byte[] raw(String dockerRef) {
    return PEERS.skopeo().inspectRaw(dockerRef);
  }

  @Test
  void copiesTheDigestTheProducerSaw_andRecordsIt() throws Exception {
    Stand s = stand(4);
    SyncItem item = item(s.target(), "moving", Optional.of(b.top().digest()), 1);

    CopyOutcome outcome = s.copier().copy(item);

    assertThat(outcome).isInstanceOf(CopyOutcome.Copied.class);
    assertThat(raw(s.target().dockerRef("mirror/acme/app:moving")))
        .isEqualTo(raw(upstream.dockerRef("acme/app:b")));
    assertThat(s.state().fresh(item.key(), Instant.now()).orElseThrow().target().toString())
        .isEqualTo(b.top().digest());
  }

  @Test
  void olderObservation_neverMovesTheTagBack() throws Exception {
    Stand s = stand(4);
    s.copier().copy(item(s.target(), "moving", Optional.of(b.top().digest()), 5));

    CopyOutcome late =
        s.copier().copy(item(s.target(), "moving", Optional.of(a.top().digest()), 3));

    assertThat(late).isEqualTo(new CopyOutcome.Superseded(5));
    assertThat(raw(s.target().dockerRef("mirror/acme/app:moving")))
        .isEqualTo(raw(upstream.dockerRef("acme/app:b")));
  }

  @Test
  void itemWithoutDigest_resolvesTheUpstreamTagWhenCopied() throws Exception {
    Stand s = stand(4);
    CopyOutcome.Copied c =
        (CopyOutcome.Copied) s.copier().copy(item(s.target(), "b", Optional.empty(), 1));
    assertThat(c.source().toString()).isEqualTo(b.top().digest());
    assertThatThrownBy(() -> s.copier().copy(item(s.target(), "gone", Optional.empty(), 2)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("acme/app:gone");
  }

  @Test
  void copyInterruptedHalfway_leavesNoTag_andTheRerunUploadsNoBlobTwice() throws Exception {
    TestImage big =
        TestImages.builder()
            .seed(703)
            .platforms("linux/amd64", "linux/arm64/v8")
            .layers(4)
            .layerSize(3 * 1024 * 1024)
            .tag("big")
            .write();
    big.pushWithSkopeo(upstream, "acme/app:big");
    Stand s = stand(1);
    SyncItem item = item(s.target(), "big", Optional.of(big.top().digest()), 1);
    String uploads = "/v2/mirror/acme/app/blobs/uploads/.+";
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread copy =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    s.copier().copy(item);
                  } catch (Throwable t) {
                    failure.set(t);
                  }
                });
    s.target().accessLog().awaitCount("PUT", uploads, 1, Duration.ofSeconds(60));
    copy.interrupt(); // the process dies in the middle of the blobs
    copy.join(60_000);

    assertThat(failure.get()).as("the copy was cut short").isNotNull();
    assertThat(
            PEERS
                .skopeo()
                .tryInspectRaw(s.target().dockerRef("mirror/acme/app:big"), Optional.empty())
                .exitCode())
        .as("no tag before everything below it is there")
        .isNotZero();

    MirrorCopier rerun =
        new MirrorCopier(
            r -> client(upstream),
            client(s.target()),
            new TargetState(Duration.ofHours(1), Optional.empty()),
            4,
            Clock.systemUTC());
    assertThat(rerun.copy(item)).isInstanceOf(CopyOutcome.Copied.class);

    assertThat(raw(s.target().dockerRef("mirror/acme/app:big")))
        .isEqualTo(raw(upstream.dockerRef("acme/app:big")));
    Map<String, Long> completedUploads =
        s.target().accessLog().matching("PUT", uploads).stream()
            .filter(e -> e.status() == 201)
            .collect(Collectors.groupingBy(MirrorCopierTest::digestParam, Collectors.counting()));
    assertThat(completedUploads).isNotEmpty().allSatisfy((d, n) -> assertThat(n).as(d).isOne());
  }

  private static String digestParam(AccessLogEntry e) {
    int at = e.uri().indexOf("digest=");
    return at < 0 ? e.uri() : e.uri().substring(at + 7).split("&")[0];
  }
}
