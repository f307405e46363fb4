package dev.harbormaster.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TokenServerTest {

  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Credentials ALICE = new Credentials("alice", "s3cret");
  private static final Credentials BOB = new Credentials("bob", "b0b");

  private static TokenServer tokens;
  private static RegistryPeer registry;
  private static TestImage image;

  @BeforeAll
  static void startTokenRegistry() {
    tokens =
        peers.start(
            TokenServer.builder()
                .user(ALICE.username(), ALICE.password())
                .user(BOB.username(), BOB.password())
                .restrict("bob", "public/.*", "pull")
                .anonymousPull()
                .tokenLifetime(Duration.ofSeconds(90)));
    registry = peers.start(RegistryPeer.builder().tokenAuth(tokens));
    image = TestImages.multiPlatform(21);
    image.pushWithSkopeo(registry, "private/app:v1", ALICE);
    image.pushWithSkopeo(registry, "public/app:v1", ALICE);
  }

  @Test
  void registryWithTokenAuth_acceptsTokensMintedForAKnownUser() {
    byte[] raw =
        peers.skopeo().inspectRaw(registry.dockerRef("private/app:v1"), Optional.of(ALICE));

    assertThat(RegistryPeerTest.sha256(raw)).isEqualTo(image.top().digest());
    assertThat(tokens.requests())
        .anySatisfy(
            r -> {
              assertThat(r.username()).contains("alice");
              assertThat(r.service()).isEqualTo("test");
              assertThat(r.granted())
                  .contains(new TokenScope("repository", "private/app", Set.of("pull", "push")));
            });
  }

  @Test
  void proxyRegistry_logsInToATokenUpstream() {
    RegistryPeer proxy = peers.start(RegistryPeer.builder().proxyOf(registry.baseUrl(), ALICE));

    byte[] raw = peers.skopeo().inspectRaw(proxy.dockerRef("private/app:v1"));

    assertThat(RegistryPeerTest.sha256(raw)).isEqualTo(image.top().digest());
  }

  @Test
  void wrongPassword_getsNoToken_andSkopeoFails() {
    var result =
        peers
            .skopeo()
            .tryInspectRaw(
                registry.dockerRef("private/app:v1"),
                Optional.of(new Credentials("alice", "nope")));

    assertThat(result.succeeded()).isFalse();
    assertThat(tokens.requests())
        .anySatisfy(
            r -> {
              assertThat(r.username()).contains("alice");
              assertThat(r.status()).isEqualTo(401);
            });
  }

  @Test
  void restrictedUser_mayPullMatchingRepositories_only() {
    var allowed =
        peers.skopeo().tryInspectRaw(registry.dockerRef("public/app:v1"), Optional.of(BOB));
    var denied =
        peers.skopeo().tryInspectRaw(registry.dockerRef("private/app:v1"), Optional.of(BOB));
    var push =
        peers
            .skopeo()
            .tryCopyAll(
                image.ociRef(),
                Optional.empty(),
                registry.dockerRef("public/bobs:v1"),
                Optional.of(BOB));

    assertThat(allowed.succeeded()).as(allowed.stderr()).isTrue();
    assertThat(denied.succeeded()).isFalse();
    assertThat(push.succeeded()).isFalse();
  }

  @Test
  void tokenEndpoint_answersExpiresIn_andGrantsAnonymousPullOnly() throws Exception {
    URI url =
        URI.create(
            tokens.realm()
                + "?service=test&scope=repository:public/app:pull,push&scope=registry:catalog:*");

    HttpResponse<String> response =
        HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("expires_in").asLong()).isEqualTo(90);
    assertThat(body.get("access_token").asString()).isEqualTo(body.get("token").asString());
    JsonNode claims =
        JSON.readTree(
            new String(
                Base64.getUrlDecoder().decode(body.get("token").asString().split("\\.")[1]),
                StandardCharsets.UTF_8));
    assertThat(claims.get("iss").asString()).isEqualTo("test-issuer");
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(90);
    assertThat(claims.get("access").toString())
        .isEqualTo("[{\"type\":\"repository\",\"name\":\"public/app\",\"actions\":[\"pull\"]}]");
  }

  @Test
  void oauthPasswordGrant_returnsAnAccessToken() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(tokens.realm())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&username=alice&password=s3cret&service=test"
                            + "&client_id=test&scope=repository%3Aprivate%2Fapp%3Apull"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("access_token").asString()).contains(".");
    assertThat(tokens.requests().getLast().method()).isEqualTo("POST");
    assertThat(tokens.requests().getLast().granted())
        .containsExactly(new TokenScope("repository", "private/app", Set.of("pull")));
  }
}
