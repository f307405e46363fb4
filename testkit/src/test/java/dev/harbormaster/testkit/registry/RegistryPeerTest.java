package dev.harbormaster.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistryPeerTest {

  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void plainRegistry_servesMultiPlatformImage_byteIdenticalToTheLayout() throws Exception {
    RegistryPeer registry = peers.plain();
    TestImage image =
        TestImages.builder()
            .seed(11)
            .platforms("linux/amd64", "linux/arm64/v8")
            .withAttestation()
            .tag("v1")
            .write();

    image.pushWithSkopeo(registry, "multi/app:v1");

    byte[] index = peers.skopeo().inspectRaw(registry.dockerRef("multi/app:v1"));
    assertThat(sha256(index)).isEqualTo(image.top().digest());
    assertThat(index).isEqualTo(image.blobBytes(image.top().digest()));
    TestPlatformImage arm = image.image("linux/arm64/v8");
    byte[] armManifest =
        peers.skopeo().inspectRaw(registry.dockerRef("multi/app@" + arm.manifest().digest()));
    assertThat(sha256(armManifest)).isEqualTo(arm.manifest().digest());
    assertThat(registry.storesBlob(arm.layers().getFirst().blob().digest())).isTrue();
  }

  @Test
  void plainRegistry_servesDockerManifestLists_byteIdenticalToTheLayout() {
    RegistryPeer registry = peers.plain();
    TestImage image =
        TestImages.builder()
            .seed(16)
            .platforms("linux/amd64", "linux/arm/v7")
            .format(ImageFormat.DOCKER)
            .write();

    image.pushWithSkopeo(registry, "docker/app:v1");

    byte[] list = peers.skopeo().inspectRaw(registry.dockerRef("docker/app:v1"));
    assertThat(sha256(list)).isEqualTo(image.top().digest());
    assertThat(new String(list, java.nio.charset.StandardCharsets.UTF_8))
        .contains("application/vnd.docker.distribution.manifest.list.v2+json")
        .contains("\"variant\":\"v7\"");
  }

  @Test
  void accessLog_countsRequestsByMethodAndPath() throws Exception {
    RegistryPeer registry = peers.plain();
    int before = registry.accessLog().size();

    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(registry.baseUrl().resolve("/v2/nothing/here/manifests/v9"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    registry
        .accessLog()
        .awaitCount("HEAD", "/v2/nothing/here/manifests/.*", 1, Duration.ofSeconds(10));
    assertThat(registry.accessLog().since(before))
        .anySatisfy(
            e -> {
              assertThat(e.method()).isEqualTo("HEAD");
              assertThat(e.path()).isEqualTo("/v2/nothing/here/manifests/v9");
              assertThat(e.status()).isEqualTo(404);
            });
  }

  @Test
  void accessLog_holdsEveryAnsweredRequestAtOnce_withoutItsMarkerRequests() throws Exception {
    RegistryPeer registry = peers.plain();
    HarborFront harbor = peers.start(HarborFront.builder().project("hub", registry));
    for (URI base : new URI[] {registry.baseUrl(), harbor.baseUrl()}) {
      AccessLog log = base.equals(registry.baseUrl()) ? registry.accessLog() : harbor.accessLog();
      int before = log.size();
      for (int i = 1; i <= 30; i++) {
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/v2/hub/synced/manifests/v" + i)).GET().build(),
            HttpResponse.BodyHandlers.discarding());

        assertThat(log.count("GET", "/v2/hub/synced/manifests/.*"))
            .as(base + " #" + i)
            .isEqualTo(i);
      }
      assertThat(log.since(before)).hasSize(30);
    }
  }

  @Test
  void htpasswdRegistry_rejectsWrongPassword_andAcceptsTheRightOne() {
    RegistryPeer secured = peers.start(RegistryPeer.builder().htpasswd("alice", "s3cret"));
    TestImages.singlePlatform(12).pushWithSkopeo(secured, "app:v1");

    var wrong =
        peers
            .skopeo()
            .tryInspectRaw(
                secured.dockerRef("app:v1"), Optional.of(new Credentials("alice", "wrong")));
    var anonymous = peers.skopeo().tryInspectRaw(secured.dockerRef("app:v1"), Optional.empty());
    byte[] right = peers.skopeo().inspectRaw(secured.dockerRef("app:v1"), secured.credentials());

    assertThat(wrong.succeeded()).isFalse();
    assertThat(wrong.stderr()).containsIgnoringCase("unauthorized");
    assertThat(anonymous.succeeded()).isFalse();
    assertThat(right).isNotEmpty();
    assertThat(secured.accessLog().count("GET", "/v2/")).isPositive();
  }

  @Test
  void proxyRegistry_servesAnImagePushedOnlyToItsUpstream_andCachesIt() {
    RegistryPeer upstream = peers.start(RegistryPeer.builder());
    RegistryPeer proxy = peers.start(RegistryPeer.builder().proxyOf(upstream));
    TestImage image = TestImages.singlePlatform(13);
    image.pushWithSkopeo(upstream, "library/app:v1");

    peers.skopeo().copyAll(proxy.dockerRef("library/app:v1"), peers.plain().dockerRef("copy:v1"));

    assertThat(proxy.proxyRemote()).contains(upstream.baseUrl());
    assertThat(sha256(peers.skopeo().inspectRaw(peers.plain().dockerRef("copy:v1"))))
        .isEqualTo(image.top().digest());
    String layer = image.images().getFirst().layers().getFirst().blob().digest();
    upstream
        .accessLog()
        .awaitCount("GET", "/v2/library/app/blobs/" + layer, 1, Duration.ofSeconds(10));
    proxy.awaitStoredBlob(layer, Duration.ofSeconds(10));
  }

  @Test
  void stopAndRestart_keepPortStorageAndAccessLog() throws Exception {
    RegistryPeer registry = peers.start(RegistryPeer.builder());
    TestImage image = TestImages.singlePlatform(17);
    image.pushWithSkopeo(registry, "app:v1");
    long before = registry.accessLog().count("PUT", "/v2/app/manifests/v1");

    registry.stop();
    var whileDown = peers.skopeo().tryInspectRaw(registry.dockerRef("app:v1"), Optional.empty());
    registry.restart();

    assertThat(whileDown.succeeded()).isFalse();
    assertThat(whileDown.stderr()).contains("connection refused");
    assertThat(registry.isRunning()).isTrue();
    assertThat(sha256(peers.skopeo().inspectRaw(registry.dockerRef("app:v1"))))
        .isEqualTo(image.top().digest());
    assertThat(registry.accessLog().count("PUT", "/v2/app/manifests/v1")).isEqualTo(before).isOne();
  }

  @Test
  void deleteDisabled_refusesManifestDeletion() throws Exception {
    RegistryPeer registry = peers.start(RegistryPeer.builder().deleteEnabled(false));
    TestImage image = TestImages.singlePlatform(14);
    image.pushWithSkopeo(registry, "app:v1");
    URI manifest = registry.baseUrl().resolve("/v2/app/manifests/" + image.top().digest());

    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(manifest).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).contains("UNSUPPORTED");
  }

  @Test
  void plainRegistry_allowsManifestDeletion() throws Exception {
    RegistryPeer registry = peers.plain();
    TestImage image = TestImages.singlePlatform(15);
    image.pushWithSkopeo(registry, "deletable:v1");
    URI manifest = registry.baseUrl().resolve("/v2/deletable/manifests/" + image.top().digest());

    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(manifest).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(202);
  }

  static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
