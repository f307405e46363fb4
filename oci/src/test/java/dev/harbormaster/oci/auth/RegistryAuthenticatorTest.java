package dev.harbormaster.oci.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.manifest.MediaTypes;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.RepositoryName;
import dev.harbormaster.oci.registry.AuthenticationException;
import dev.harbormaster.oci.registry.BlobSource;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TokenRequest;
import dev.harbormaster.testkit.registry.TokenServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Bearer token flow against docker-registry in token mode with a real token endpoint. */
class RegistryAuthenticatorTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();

  @StartStop private final MockWebServer server = new MockWebServer();

  private static RegistryClient client(RegistryPeer registry, TokenServer tokens, Keyring keyring) {
    String realmHost = tokens.realm().getHost() + ":" + tokens.realm().getPort();
    return RegistryClient.builder()
        .allowHosts(registry.host())
        .insecureHosts(registry.host(), realmHost)
        .credentials(keyring)
        .build();
  }

  @Test
  void tokenAuth_pushesAndPulls_withOneCachedTokenPerScopeSet() throws Exception {
    TokenServer tokens = PEERS.start(TokenServer.builder().user("alice", "s3cret"));
    RegistryPeer registry = PEERS.start(RegistryPeer.builder().tokenAuth(tokens));
    RegistryClient client =
        client(
            registry, tokens, Keyring.single(registry.host(), new Credential("alice", "s3cret")));
    byte[] blob = "token protected".getBytes(StandardCharsets.UTF_8);
    RepositoryName repo = RepositoryName.parse(registry.host() + "/team/app");

    client.pushBlob(repo, Digest.of(blob), BlobSource.of(blob), Optional.empty());
    for (int i = 0; i < 3; i++) {
      assertThat(client.headBlob(repo, Digest.of(blob))).hasValue(blob.length);
    }

    List<TokenRequest> requests = tokens.requests();
    assertThat(requests).allSatisfy(r -> assertThat(r.username()).contains("alice"));
    // one token for pull,push (upload) and one for pull (the three HEADs share it)
    assertThat(requests).hasSize(2);
  }

  @Test
  void tokenAuth_mountAsksOneTokenForBothRepositories() throws Exception {
    TokenServer tokens = PEERS.start(TokenServer.builder().user("alice", "s3cret"));
    RegistryPeer registry = PEERS.start(RegistryPeer.builder().tokenAuth(tokens));
    RegistryClient client =
        client(
            registry, tokens, Keyring.single(registry.host(), new Credential("alice", "s3cret")));
    byte[] blob = "mounted".getBytes(StandardCharsets.UTF_8);
    RepositoryName source = RepositoryName.parse(registry.host() + "/src/app");
    RepositoryName target = RepositoryName.parse(registry.host() + "/dst/app");
    client.pushBlob(source, Digest.of(blob), BlobSource.of(blob), Optional.empty());
    int before = tokens.requests().size();

    assertThat(client.mountBlob(target, Digest.of(blob), source)).isTrue();

    TokenRequest mount = tokens.requests().get(before);
    assertThat(mount.requested()).hasSize(2);
    assertThat(mount.granted()).hasSize(2);
  }

  @Test
  void tokenAuth_wrongPassword_failsClearly() throws Exception {
    TokenServer tokens = PEERS.start(TokenServer.builder().user("alice", "s3cret"));
    RegistryPeer registry = PEERS.start(RegistryPeer.builder().tokenAuth(tokens));
    RegistryClient client =
        client(registry, tokens, Keyring.single(registry.host(), new Credential("alice", "nope")));
    ImageReference ref = ImageReference.parse(registry.imageRef("team/app:v1"));

    assertThatThrownBy(() -> client.headManifest(ref))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e ->
                assertThat(e.getMessage())
                    .startsWith("HEAD manifest " + ref + ": token endpoint " + tokens.realm())
                    .contains("refused alice, anonymous"));
  }

  @Test
  void tokenAuth_restrictedUser_isDeniedPush() throws Exception {
    TokenServer tokens =
        PEERS.start(TokenServer.builder().user("bob", "pw").restrict("bob", "public/.*", "pull"));
    RegistryPeer registry = PEERS.start(RegistryPeer.builder().tokenAuth(tokens));
    RegistryClient client =
        client(registry, tokens, Keyring.single(registry.host(), new Credential("bob", "pw")));
    byte[] blob = "x".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                client.pushBlob(
                    RepositoryName.parse(registry.host() + "/public/app"),
                    Digest.of(blob),
                    BlobSource.of(blob),
                    Optional.empty()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("POST blob upload to " + registry.host() + "/public/app");
  }

  @Test
  void insufficientScope_addsTheScopeAndRetriesOnce() throws Exception {
    // MockWebServer: a real registry does not answer insufficient_scope on demand.
    String realm = server.url("/token").toString();
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[]}";
    server.enqueue(challenge(realm, "repository:a/b:pull", ""));
    server.enqueue(token("t1"));
    server.enqueue(
        challenge(
            realm, "repository:a/b:pull repository:c/d:pull", ",error=\"insufficient_scope\""));
    server.enqueue(token("t2"));
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", MediaTypes.OCI_INDEX)
            .body(manifest)
            .build());
    String host = server.getHostName() + ":" + server.getPort();
    RegistryClient client =
        RegistryClient.builder()
            .allowHosts(host)
            .insecureHosts(host)
            .credentials(Keyring.single(host, new Credential("u", "p")))
            .build();

    var result = client.getManifest(ImageReference.parse(host + "/a/b:v1"));

    assertThat(result.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    RecordedRequest first = server.takeRequest();
    assertThat(first.getHeaders().get("Authorization")).isNull();
    RecordedRequest token1 = server.takeRequest();
    assertThat(token1.getUrl().queryParameterValues("scope"))
        .containsExactly("repository:a/b:pull");
    assertThat(token1.getHeaders().get("Authorization"))
        .isEqualTo(new Credential("u", "p").basicAuthorization());
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer t1");
    RecordedRequest token2 = server.takeRequest();
    assertThat(token2.getUrl().queryParameterValues("scope"))
        .containsExactly("repository:a/b:pull", "repository:c/d:pull");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer t2");
  }

  @Test
  void tokenRevokedMidOperation_isReplacedOnce() throws Exception {
    // MockWebServer: docker-registry cannot be made to revoke a token it accepted.
    String realm = server.url("/token").toString();
    String host = server.getHostName() + ":" + server.getPort();
    server.enqueue(challenge(realm, "repository:a/b:pull", ""));
    server.enqueue(token("t1"));
    server.enqueue(new MockResponse.Builder().code(200).build()); // HEAD with t1
    server.enqueue(challenge(realm, "repository:a/b:pull", "")); // t1 revoked
    server.enqueue(token("t2"));
    server.enqueue(new MockResponse.Builder().code(200).build()); // HEAD with t2
    RegistryClient client = RegistryClient.builder().allowHosts(host).insecureHosts(host).build();
    ImageReference ref = ImageReference.parse(host + "/a/b:v1");

    assertThat(client.headManifest(ref)).isPresent();
    assertThat(client.headManifest(ref)).isPresent();

    List<String> sent = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      RecordedRequest r = server.takeRequest();
      sent.add(
          r.getMethod()
              + " "
              + r.getUrl().encodedPath()
              + " "
              + java.util.Objects.requireNonNullElse(r.getHeaders().get("Authorization"), "-"));
    }
    assertThat(sent)
        .containsExactly(
            "HEAD /v2/a/b/manifests/v1 -",
            "GET /token -",
            "HEAD /v2/a/b/manifests/v1 Bearer t1",
            "HEAD /v2/a/b/manifests/v1 Bearer t1",
            "GET /token -",
            "HEAD /v2/a/b/manifests/v1 Bearer t2");
  }

  @Test
  void secondUnauthorizedAfterReauth_isAnAuthenticationError() throws Exception {
    // MockWebServer: a registry that keeps rejecting fresh tokens cannot be set up for real.
    String realm = server.url("/token").toString();
    for (int i = 0; i < 4; i++) {
      server.enqueue(challenge(realm, "repository:a/b:pull", ""));
      server.enqueue(token("t" + i));
    }
    String host = server.getHostName() + ":" + server.getPort();
    RegistryClient client = RegistryClient.builder().allowHosts(host).insecureHosts(host).build();

    assertThatThrownBy(() -> client.headManifest(ImageReference.parse(host + "/a/b:v1")))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(server.getRequestCount()).isLessThanOrEqualTo(8);
  }

  private static MockResponse challenge(String realm, String scope, String extra) {
    return new MockResponse.Builder()
        .code(401)
        .setHeader(
            "WWW-Authenticate",
            "Bearer realm=\"" + realm + "\",service=\"svc\",scope=\"" + scope + "\"" + extra)
        .build();
  }

  private static MockResponse token(String value) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body("{\"token\":\"" + value + "\",\"expires_in\":300}")
        .build();
  }
}
