package dev.harbormaster.plugin.harborproxy.warming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.NotFoundException;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.plugin.harborproxy.config.WarmMode;
import dev.harbormaster.plugin.harborproxy.mapping.WarmTarget;
import dev.harbormaster.testkit.registry.HarborFront;
import dev.harbormaster.testkit.registry.ImageFormat;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The warmer against real peers: an upstream docker-registry, its pull-through proxy, and nginx
 * with Harbor's project path in front (notes/test-peers.md).
 */
class ProxyCacheWarmerTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();

  private static HarborFront harbor;
  private static RegistryPeer upstream;
  private static TestImage attested;
  private static TestImage docker;
  private static TestImage shared;
  private static TestImage single;
  private static RegistryClient client;

  @BeforeAll
  static void peers() {
    upstream = PEERS.plain();
    attested =
        TestImages.builder()
            .seed(61)
            .platforms("linux/amd64", "linux/arm/v7")
            .withAttestation()
            .write();
    attested.pushWithSkopeo(upstream, "acme/attested:v1");
    docker =
        TestImages.builder()
            .seed(62)
            .platforms("linux/amd64", "linux/arm64/v8")
            .format(ImageFormat.DOCKER)
            .write();
    docker.pushWithSkopeo(upstream, "acme/docker:v1");
    shared =
        TestImages.builder()
            .seed(63)
            .platforms("linux/amd64", "linux/arm64")
            .layers(2)
            .shareFirstLayer()
            .write();
    shared.pushWithSkopeo(upstream, "acme/shared:v1");
    single = TestImages.singlePlatform(64);
    single.pushWithSkopeo(upstream, "acme/single:v1");
    harbor = PEERS.start(HarborFront.builder().proxyProject("hub", upstream));
    client =
        RegistryClient.builder().allowHosts(harbor.host()).insecureHosts(harbor.host()).build();
  }

  private static WarmTarget target(String repoAndTag) {
    ImageReference source = ImageReference.parse("docker.io/" + repoAndTag);
    return new WarmTarget(
        source, ImageReference.parse(harbor.host() + "/hub/" + repoAndTag), "hub");
  }

  private static ProxyCacheWarmer warmer(WarmMode mode, String... platforms) {
    return warmer(3, mode, platforms);
  }

  private static ProxyCacheWarmer warmer(int blobConcurrency, WarmMode mode, String... platforms) {
    return new ProxyCacheWarmer(
        client,
        List.of(platforms).stream().map(Platform::parse).toList(),
        mode,
        false,
        blobConcurrency);
  }

  @Test
  void attestationsAreNeverPulled_andArmVariantsMatchExactly() throws Exception {
    WarmReport r =
        warmer(WarmMode.FULL, "linux/arm/v7", "linux/arm/v6")
            .warm(target("acme/attested:v1"), key -> true);
    assertThat(r.platforms()).containsExactly("linux/arm/v7");
    assertThat(r.missingPlatforms()).containsExactly("linux/arm/v6");
    assertThat(r.manifests()).isEqualTo(2);
    String attestation = attested.attestation().orElseThrow().manifest().digest();
    assertThat(harbor.accessLog().count("GET", "/v2/hub/acme/attested/manifests/" + attestation))
        .isZero();
  }

  @Test
  void dockerManifestLists_areWarmedLikeOciIndexes() throws Exception {
    WarmReport r = warmer(WarmMode.FULL, "linux/arm64").warm(target("acme/docker:v1"), k -> true);
    assertThat(r.index()).isTrue();
    assertThat(r.digest()).contains(docker.top().digest());
    assertThat(r.blobs()).isEqualTo(2); // config + one layer
  }

  @Test
  void sharedLayers_areFetchedOnce_perWarm() throws Exception {
    WarmReport r =
        warmer(WarmMode.FULL, "linux/amd64", "linux/arm64")
            .warm(target("acme/shared:v1"), k -> true);
    List<String> distinct = new ArrayList<>();
    shared
        .images()
        .forEach(
            i -> {
              distinct.add(i.config().digest());
              i.layers()
                  .forEach(
                      l -> {
                        if (!distinct.contains(l.blob().digest())) distinct.add(l.blob().digest());
                      });
            });
    assertThat(r.blobs()).isEqualTo(distinct.size());
    String base = shared.images().getFirst().layers().getFirst().blob().digest();
    assertThat(harbor.accessLog().count("GET", "/v2/hub/acme/shared/blobs/" + base)).isEqualTo(1);
  }

  @Test
  void oneBlobAtATime_fetchesTheSameBlobs() throws Exception {
    WarmReport r =
        warmer(1, WarmMode.FULL, "linux/amd64").warm(target("acme/docker:v1"), k -> true);
    assertThat(r.blobs()).isEqualTo(2);
    assertThat(r.bytes())
        .isEqualTo(
            docker.top().size()
                + docker.image("linux/amd64").manifest().size()
                + docker.image("linux/amd64").config().size()
                + docker.image("linux/amd64").layers().getFirst().blob().size());
  }

  @Test
  void blobMissingUpstream_failsTheWarmAsNotFound() throws Exception {
    TestImage broken = TestImages.builder().seed(65).layers(3).write();
    broken.pushWithSkopeo(upstream, "acme/broken:v1");
    String layer = broken.images().getFirst().layers().get(1).blob().digest();
    HttpResponse<Void> deleted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(upstream.baseUrl().resolve("/v2/acme/broken/blobs/" + layer))
                    .DELETE()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(deleted.statusCode()).isEqualTo(202);

    assertThatThrownBy(
            () -> warmer(3, WarmMode.FULL, "linux/amd64").warm(target("acme/broken:v1"), k -> true))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(layer);
  }

  @Test
  void singleImageManifest_isWarmedWhateverThePlatformList() throws Exception {
    WarmReport r = warmer(WarmMode.FULL, "linux/s390x").warm(target("acme/single:v1"), k -> true);
    assertThat(r.index()).isFalse();
    assertThat(r.manifests()).isEqualTo(1);
    assertThat(r.blobs()).isEqualTo(2);
    assertThat(r.bytes()).isEqualTo(single.totalBytes());
  }

  @Test
  void indexWithoutAnyConfiguredPlatform_failsNamingWhatItOffers() {
    assertThatThrownBy(
            () -> warmer(WarmMode.FULL, "windows/amd64").warm(target("acme/docker:v1"), k -> true))
        .isInstanceOf(ProxyCacheWarmer.NoPlatformException.class)
        .hasMessageContaining("windows/amd64")
        .hasMessageContaining("linux/amd64");
  }

  @Test
  void digestAlreadyClaimedElsewhere_stopsAfterTheFirstManifest() throws Exception {
    List<String> claimed = new ArrayList<>();
    WarmReport r =
        warmer(WarmMode.FULL, "linux/amd64")
            .warm(
                target("acme/attested:v1"),
                key -> {
                  claimed.add(key);
                  return false;
                });
    assertThat(r.alreadyWarm()).isTrue();
    assertThat(r.manifests()).isEqualTo(1);
    assertThat(r.blobs()).isZero();
    assertThat(claimed)
        .containsExactly(harbor.host() + "/hub/acme/attested@" + attested.top().digest());
  }
}
