package dev.harbormaster.plugin.imagerewriter.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImages;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The existence check against a REAL docker-registry; MockWebServer only for a 429. */
class RegistryManifestProbeTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();
  @StartStop private final MockWebServer throttling = new MockWebServer();

  private static RegistryPeer mirror;

  @BeforeAll
  static void push() {
    mirror = PEERS.plain();
    TestImages.singlePlatform(51).pushWithSkopeo(mirror, "team/single:v1");
    TestImages.multiPlatform(52).pushWithSkopeo(mirror, "team/multi:v1");
  }

  private static MirrorProbe probe(String host) {
    return new RegistryManifestProbe(
        RegistryClient.builder()
            .allowHosts(host)
            .insecureHosts(host)
            .build()
            .withLimits(Duration.ofSeconds(5), 1));
  }

  private static ImageReference at(String host, String image) {
    return ImageReference.parse(host + "/" + image);
  }

  @Test
  void presentManifest_isPresent() {
    assertThat(probe(mirror.host()).probe(at(mirror.host(), "team/single:v1"), List.of()))
        .isEqualTo(new ProbeResult.Present());
  }

  @Test
  void absentTagOrRepository_isMissing() {
    MirrorProbe probe = probe(mirror.host());
    assertThat(probe.probe(at(mirror.host(), "team/single:v2"), List.of()))
        .isEqualTo(new ProbeResult.Missing("is not on the mirror"));
    assertThat(probe.probe(at(mirror.host(), "nobody/nothing:v1"), List.of()))
        .isEqualTo(new ProbeResult.Missing("is not on the mirror"));
  }

  @Test
  void index_mustListEveryPlatformAskedFor() {
    MirrorProbe probe = probe(mirror.host());
    ImageReference multi = at(mirror.host(), "team/multi:v1");

    assertThat(probe.probe(multi, List.of(Platform.parse("linux/arm64"))))
        .isEqualTo(new ProbeResult.Present());
    assertThat(
            probe.probe(
                multi, List.of(Platform.parse("linux/amd64"), Platform.parse("linux/ppc64le"))))
        .isEqualTo(new ProbeResult.Missing("lacks platform linux/ppc64le"));
  }

  @Test
  void singlePlatformManifest_isTakenAsItIs() {
    assertThat(
            probe(mirror.host())
                .probe(at(mirror.host(), "team/single:v1"), List.of(Platform.parse("linux/s390x"))))
        .isEqualTo(new ProbeResult.Present());
  }

  @Test
  void tooManyRequests_isAFailure_notAMiss() {
    // MockWebServer: docker-registry cannot be made to throttle.
    throttling.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "30").build());
    String host = "127.0.0.1:" + throttling.getPort();

    ProbeResult result = probe(host).probe(at(host, "team/app:v1"), List.of());

    assertThat(result).isInstanceOf(ProbeResult.Failed.class);
  }

  @Test
  void mirrorNotListening_isAFailure() {
    RegistryPeer down = PEERS.start(RegistryPeer.builder());
    String host = down.host();
    down.close();

    assertThat(probe(host).probe(at(host, "team/single:v1"), List.of()))
        .isInstanceOf(ProbeResult.Failed.class);
  }
}
