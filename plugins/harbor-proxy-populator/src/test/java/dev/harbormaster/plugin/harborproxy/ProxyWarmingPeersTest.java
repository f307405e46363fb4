package dev.harbormaster.plugin.harborproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.plugin.harborproxy.warming.WarmResult;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.testkit.plugin.TestReviews;
import dev.harbormaster.testkit.registry.HarborFront;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import dev.harbormaster.testkit.registry.TestPlatformImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Warming against real peers (notes/harbor-proxy-cache.md, notes/test-peers.md): an upstream
 * docker-registry holding a two-platform image, a pull-through proxy registry of it, and nginx
 * giving the proxy Harbor's {@code /v2/<project>/} paths. Distribution caches blobs even on HEAD,
 * so "warmed" is judged by the proxy's storage and the upstream's access log, never by HEAD.
 */
class ProxyWarmingPeersTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();

  private static RegistryPeer upstream;
  private static TestImage image;

  @BeforeAll
  static void pushImage() {
    upstream = PEERS.plain();
    image =
        TestImages.builder()
            .seed(51)
            .platforms("linux/amd64", "linux/arm64/v8")
            .layers(2)
            .tag("v1")
            .write();
    image.pushWithSkopeo(upstream, "acme/app:v1");
  }

  private record Stand(
      HarborFront harbor, RegistryPeer proxy, TestContext context, AdmissionHandler handler) {}

  private Stand start(String extraConfig, boolean instanceDryRun) throws Exception {
    return start(
        HarborFront.builder().proxyProject("dockerhub", upstream), extraConfig, instanceDryRun);
  }

  private Stand start(HarborFront.Builder front, String extraConfig, boolean instanceDryRun)
      throws Exception {
    HarborFront harbor = PEERS.start(front);
    String yaml =
        """
        harbor: {url: "%s", plainHttp: true}
        projects:
          - {registry: docker.io, project: dockerhub}
          - {registry: registry.example.com, pathIsProject: true}
          - {registry: hub.example.com, pathIsProject: true, dockerHubProjects: [dockerhub]}
        statusInterval: 50ms
        %s
        """
            .formatted("http://" + harbor.host(), extraConfig);
    TestContext context = new TestContext(instanceDryRun, Path.of("."));
    AdmissionHandler handler = new HarborProxyPopulatorPlugin().start(Configs.bind(yaml), context);
    return new Stand(harbor, harbor.proxyRegistry("dockerhub"), context, handler);
  }

  private static List<String> blobsOf(TestPlatformImage i) {
    List<String> all = new ArrayList<>();
    all.add(i.config().digest());
    i.layers().forEach(l -> all.add(l.blob().digest()));
    return all;
  }

  /** GETs of a blob at the upstream since {@code mark} (other tests warm the same image). */
  private static long upstreamGets(int mark, String digest) {
    String path = "/v2/acme/app/blobs/" + Pattern.quote(digest);
    return upstream.accessLog().since(mark).stream().filter(e -> e.matches("GET", path)).count();
  }

  private static long frontGets(Stand s, String digest) {
    return s.harbor()
        .accessLog()
        .count("GET", "/v2/dockerhub/acme/app/blobs/" + Pattern.quote(digest));
  }

  @Test
  void fullMode_storesEveryBlobOfTheConfiguredPlatforms_andNothingOfTheOthers() throws Exception {
    Stand s = start("platforms: [linux/arm64, linux/s390x]\nmode: full", false);
    int mark = upstream.accessLog().size();
    s.handler().review(TestReviews.pod(false, "acme/app:v1"));
    WarmResult r = s.context().awaitFinished(1).recent().getFirst();
    s.handler().stop(Duration.ofSeconds(10));

    TestPlatformImage arm = image.image("linux/arm64/v8");
    TestPlatformImage amd = image.image("linux/amd64");
    assertThat(r.outcome()).isEqualTo("warmed");
    assertThat(r.reference()).isEqualTo(s.harbor().host() + "/dockerhub/acme/app:v1");
    assertThat(r.digest()).isEqualTo(image.top().digest());
    // The shared platform model normalises arm64/v8 to arm64 (as containerd does).
    assertThat(r.platforms()).containsExactly("linux/arm64");
    assertThat(r.missingPlatforms()).containsExactly("linux/s390x");
    assertThat(r.manifests()).isEqualTo(2);
    assertThat(r.blobs()).isEqualTo(3);
    assertThat(r.bytes())
        .isEqualTo(
            image.top().size()
                + arm.manifest().size()
                + arm.config().size()
                + arm.layers().stream().mapToLong(l -> l.blob().size()).sum());
    for (String blob : blobsOf(arm)) {
      s.proxy().awaitStoredBlob(blob, Duration.ofSeconds(10));
      // One GET by the warmer at the front; distribution 2.8's proxy itself fetches a blob twice
      // from its upstream (one stream to the client, one to store), so upstream counts are >= 1.
      assertThat(frontGets(s, blob)).isEqualTo(1);
      assertThat(upstreamGets(mark, blob)).isPositive();
    }
    for (String blob : blobsOf(amd)) {
      assertThat(s.proxy().storesBlob(blob)).as("amd64 blob %s", blob).isFalse();
      assertThat(upstreamGets(mark, blob)).isZero();
      assertThat(frontGets(s, blob)).isZero();
    }
    s.proxy().awaitStoredBlob(image.top().digest(), Duration.ofSeconds(10));
    s.proxy().awaitStoredBlob(arm.manifest().digest(), Duration.ofSeconds(10));
    assertThat(s.proxy().storesBlob(amd.manifest().digest())).isFalse();
    assertThat(s.context().counter("harbormaster.harborproxy.bytes")).isEqualTo(r.bytes());
  }

  @Test
  void manifestsMode_getsOnlyTheIndexAndPlatformManifests() throws Exception {
    Stand s = start("platforms: [linux/amd64]\nmode: manifests", false);
    s.handler().review(TestReviews.pod(false, "docker.io/acme/app:v1"));
    WarmResult r = s.context().awaitFinished(1).recent().getFirst();
    s.handler().stop(Duration.ofSeconds(10));

    TestPlatformImage amd = image.image("linux/amd64");
    assertThat(r.platforms()).containsExactly("linux/amd64");
    assertThat(r.blobs()).isZero();
    var front = s.harbor().accessLog();
    assertThat(front.count("GET", "/v2/dockerhub/acme/app/manifests/.*")).isEqualTo(2);
    assertThat(front.count("GET", "/v2/dockerhub/acme/app/blobs/.*")).isZero();
    s.proxy().awaitStoredBlob(image.top().digest(), Duration.ofSeconds(10));
    s.proxy().awaitStoredBlob(amd.manifest().digest(), Duration.ofSeconds(10));
    for (String blob : blobsOf(amd)) {
      assertThat(s.proxy().storesBlob(blob)).isFalse();
    }
  }

  @Test
  void thousandReviewsOfOneImage_warmItOnce_andItsDigestIsDeduplicatedToo() throws Exception {
    Stand s = start("platforms: [linux/amd64]\nmode: full", false);
    for (int i = 0; i < 1000; i++) {
      s.handler().review(TestReviews.pod(false, "acme/app:v1"));
    }
    s.context().awaitFinished(1);
    s.handler().review(TestReviews.pod(false, "acme/app@" + image.top().digest()));
    s.handler().stop(Duration.ofSeconds(10));

    var front = s.harbor().accessLog();
    assertThat(front.count("GET", "/v2/dockerhub/acme/app/manifests/v1")).isEqualTo(1);
    assertThat(front.count("GET", "/v2/dockerhub/acme/app/manifests/" + image.top().digest()))
        .isZero();
    assertThat(s.context().current().queue().deduplicated()).isEqualTo(1000);
    assertThat(s.context().current().queue().succeeded()).isEqualTo(1);
  }

  @Test
  void unknownTag_isReportedAsNotFound_andNotRetried() throws Exception {
    Stand s = start("", false);
    s.handler().review(TestReviews.pod(false, "acme/app:missing"));
    WarmResult r = s.context().awaitFinished(1).recent().getFirst();
    s.handler().stop(Duration.ofSeconds(10));

    assertThat(r.outcome()).isEqualTo("failed");
    assertThat(r.reason()).isEqualTo("not-found");
    assertThat(r.message()).contains("MANIFEST_UNKNOWN");
    assertThat(r.attempt()).isEqualTo(1);
    assertThat(s.context().current().queue().retried()).isZero();
    assertThat(s.harbor().accessLog().count("GET", "/v2/dockerhub/acme/app/manifests/missing"))
        .isEqualTo(1);
    assertThat(s.context().counter("harbormaster.harborproxy.warms", "reason", "not-found"))
        .isEqualTo(1);
  }

  @Test
  void dryRun_ofTheInstanceOrTheRequest_makesZeroRequests() throws Exception {
    Stand audit = start("", true);
    Stand live = start("", false);
    int upstreamBefore = upstream.accessLog().size();
    int auditBefore = audit.harbor().accessLog().size(); // after the peers' readiness checks
    int liveBefore = live.harbor().accessLog().size();
    audit.handler().review(TestReviews.pod(false, "acme/app:v1"));
    audit.handler().stop(Duration.ofSeconds(5));
    live.handler().review(TestReviews.pod(true, "acme/app:v1"));
    live.handler().stop(Duration.ofSeconds(5));

    assertThat(audit.harbor().accessLog().since(auditBefore)).isEmpty();
    assertThat(live.harbor().accessLog().since(liveBefore)).isEmpty();
    // The proxy registries ping their upstream (GET /v2/) on their own; nothing else may come.
    assertThat(upstream.accessLog().since(upstreamBefore))
        .filteredOn(e -> !e.path().equals("/v2/"))
        .isEmpty();
    assertThat(audit.context().current().recent().getFirst().outcome()).isEqualTo("would-warm");
    assertThat(live.context().current().recent().getFirst().outcome()).isEqualTo("would-warm");
  }

  @Test
  void seedScenario_projectInThePath_warmsThroughThatProject() throws Exception {
    Stand s = start("platforms: [linux/amd64]\nverify: true", false);
    s.handler().review(TestReviews.pod(false, "registry.example.com/dockerhub/acme/app:v1"));
    WarmResult r = s.context().awaitFinished(1).recent().getFirst();
    s.handler().stop(Duration.ofSeconds(10));

    assertThat(r.reference()).isEqualTo(s.harbor().host() + "/dockerhub/acme/app:v1");
    assertThat(r.source()).isEqualTo("registry.example.com/dockerhub/acme/app:v1");
    assertThat(r.unverifiedBlobs()).isEmpty(); // HEAD on every blob found it cached
    for (String blob : blobsOf(image.image("linux/amd64"))) {
      s.proxy().awaitStoredBlob(blob, Duration.ofSeconds(10));
    }
  }

  @Test
  void singleSegmentNames_reachHarborsLibraryPath_directlyOrThroughItsRedirect() throws Exception {
    TestImages.singlePlatform(52).pushWithSkopeo(upstream, "library/solo:v1");
    Stand s =
        start(
            HarborFront.builder()
                .proxyProject("dockerhub", upstream)
                .redirectSingleSegmentNamesToLibrary(),
            "",
            false);
    s.handler().review(TestReviews.pod(false, "hub.example.com/dockerhub/solo:v1"));
    s.handler().review(TestReviews.pod(false, "registry.example.com/dockerhub/solo:v1"));
    PopulatorStatus st = s.context().awaitFinished(2);
    s.handler().stop(Duration.ofSeconds(10));

    assertThat(st.recent())
        .extracting(WarmResult::reference)
        .containsExactlyInAnyOrder(
            s.harbor().host() + "/dockerhub/library/solo:v1", // dockerHubProjects wrote library/
            s.harbor().host() + "/dockerhub/solo:v1"); // Harbor's 301 was followed
    assertThat(s.harbor().accessLog().count("GET", "/v2/dockerhub/solo/manifests/v1")).isEqualTo(1);
  }
}
