package dev.harbormaster.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HarborFrontTest {

  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static RegistryPeer upstream;
  private static HarborFront harbor;
  private static TestImage image;

  @BeforeAll
  static void startHarbor() {
    upstream = peers.plain();
    image = TestImages.multiPlatform(31);
    image.pushWithSkopeo(upstream, "library/app:v1");
    harbor = peers.start(HarborFront.builder().proxyProject("dockerhub", upstream));
  }

  @Test
  void servesProjectPaths_fromTheProxyOfItsUpstream() throws Exception {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    harbor.baseUrl().resolve("/v2/dockerhub/library/app/manifests/v1"))
                .header("Accept", TestImages.INDEX)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(RegistryPeerTest.sha256(response.body())).isEqualTo(image.top().digest());
    assertThat(response.headers().firstValue("Docker-Content-Digest"))
        .contains(image.top().digest());
    harbor
        .accessLog()
        .awaitCount("GET", "/v2/dockerhub/library/app/manifests/v1", 1, Duration.ofSeconds(10));
    harbor
        .proxyRegistry("dockerhub")
        .accessLog()
        .awaitCount("GET", "/v2/library/app/manifests/v1", 1, Duration.ofSeconds(10));
    upstream
        .accessLog()
        .awaitCount("GET", "/v2/library/app/manifests/v1", 1, Duration.ofSeconds(10));
  }

  @Test
  void blobGet_isCachedByTheProxy() throws Exception {
    String layer = image.images().getFirst().layers().getFirst().blob().digest();

    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    harbor.baseUrl().resolve("/v2/dockerhub/library/app/blobs/" + layer))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(image.blobBytes(layer));
    harbor.proxyRegistry("dockerhub").awaitStoredBlob(layer, Duration.ofSeconds(10));
  }

  @Test
  void pingAndUnknownProjects_behaveLikeHarbor() throws Exception {
    HttpResponse<String> ping =
        HTTP.send(
            HttpRequest.newBuilder(harbor.baseUrl().resolve("/v2/")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> unknown =
        HTTP.send(
            HttpRequest.newBuilder(harbor.baseUrl().resolve("/v2/nosuchproject/app/manifests/v1"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(harbor.projects()).containsExactly("dockerhub");
    assertThat(harbor.imageRef("dockerhub", "library/app:v1"))
        .isEqualTo(harbor.host() + "/dockerhub/library/app:v1");
  }

  @Test
  void basicAuth_rejectsAnonymousRequests_andServesRobotAccounts() throws Exception {
    HarborFront secured =
        peers.start(
            HarborFront.builder().proxyProject("hub", upstream).basicAuth("robot$ci", "t0ken"));
    HttpRequest.Builder manifest =
        HttpRequest.newBuilder(secured.baseUrl().resolve("/v2/hub/library/app/manifests/v1"))
            .header("Accept", TestImages.INDEX);

    HttpResponse<String> anonymous =
        HTTP.send(manifest.build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<byte[]> robot =
        HTTP.send(
            manifest
                .header("Authorization", secured.credentials().orElseThrow().basicAuthorization())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .contains("Basic realm=\"harbor\"");
    assertThat(RegistryPeerTest.sha256(robot.body())).isEqualTo(image.top().digest());
    assertThat(
            peers
                .skopeo()
                .inspectRaw(
                    "docker://" + secured.imageRef("hub", "library/app:v1"), secured.credentials()))
        .isEqualTo(robot.body());
  }

  @Test
  void redirectOption_sendsSingleSegmentNamesToLibrary_likeHarbor27() throws Exception {
    HarborFront redirecting =
        peers.start(
            HarborFront.builder()
                .proxyProject("hub", upstream)
                .redirectSingleSegmentNamesToLibrary());

    HttpResponse<String> shortName =
        HTTP.send(
            HttpRequest.newBuilder(redirecting.baseUrl().resolve("/v2/hub/app/manifests/v1?x=1"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<byte[]> followed =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
            .send(
                HttpRequest.newBuilder(redirecting.baseUrl().resolve("/v2/hub/app/manifests/v1"))
                    .header("Accept", TestImages.INDEX)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertThat(shortName.statusCode()).isEqualTo(301);
    assertThat(shortName.headers().firstValue("Location").orElseThrow())
        .endsWith("/v2/hub/library/app/manifests/v1?x=1");
    assertThat(RegistryPeerTest.sha256(followed.body())).isEqualTo(image.top().digest());
  }

  @Test
  void skopeoPullsThroughTheFront() {
    byte[] raw =
        peers.skopeo().inspectRaw("docker://" + harbor.imageRef("dockerhub", "library/app:v1"));

    assertThat(RegistryPeerTest.sha256(raw)).isEqualTo(image.top().digest());
  }
}
