package dev.harbormaster.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.oci.auth.Credential;
import dev.harbormaster.oci.auth.Keyring;
import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.manifest.Descriptor;
import dev.harbormaster.oci.manifest.ImageIndex;
import dev.harbormaster.oci.manifest.ImageManifest;
import dev.harbormaster.oci.manifest.ManifestBytes;
import dev.harbormaster.oci.manifest.MediaTypes;
import dev.harbormaster.oci.platform.Platform;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.RepositoryName;
import dev.harbormaster.testkit.registry.HarborFront;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import dev.harbormaster.testkit.registry.TestPlatformImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real docker-registry (distribution 2.8) with skopeo as second opinion. */
class RegistryClientTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();

  private static RegistryClient clientFor(RegistryPeer peer) {
    return RegistryClient.builder().allowHosts(peer.host()).insecureHosts(peer.host()).build();
  }

  @Test
  void pushesMultiPlatformImage_skopeoReadsTheSameDigests() throws Exception {
    RegistryPeer registry = PEERS.plain();
    TestImage image =
        TestImages.builder()
            .seed(31)
            .platforms("linux/amd64", "linux/arm64/v8")
            .withAttestation()
            .tag("v1")
            .write();
    ImageReference target = ImageReference.parse(registry.imageRef("push/multi:v1"));

    LayoutPusher.push(clientFor(registry), image, target);

    byte[] index = PEERS.skopeo().inspectRaw(registry.dockerRef("push/multi:v1"));
    assertThat(Digest.of(index).toString()).isEqualTo(image.top().digest());
    for (TestPlatformImage platform : image.images()) {
      byte[] child =
          PEERS
              .skopeo()
              .inspectRaw(registry.dockerRef("push/multi@" + platform.manifest().digest()));
      assertThat(Digest.of(child).toString()).isEqualTo(platform.manifest().digest());
    }
  }

  @Test
  void readsWhatSkopeoPushed_manifestsAndVerifiedBlobs() throws Exception {
    RegistryPeer registry = PEERS.plain();
    TestImage image =
        TestImages.builder().seed(32).platforms("linux/amd64", "linux/arm64/v8").tag("v2").write();
    image.pushWithSkopeo(registry, "read/multi:v2");
    RegistryClient client = clientFor(registry);
    ImageReference ref = ImageReference.parse(registry.imageRef("read/multi:v2"));

    ManifestInfo head = client.headManifest(ref).orElseThrow();
    ManifestBytes index = client.getManifest(ref);

    assertThat(head.digest()).contains(Digest.parse(image.top().digest()));
    assertThat(index.digest().toString()).isEqualTo(image.top().digest());
    assertThat(index.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    ImageIndex parsed = (ImageIndex) index.parse();
    Descriptor arm = parsed.select(Platform.parse("linux/arm64")).orElseThrow();
    TestPlatformImage expected = image.image("linux/arm64/v8");
    assertThat(arm.digest().toString()).isEqualTo(expected.manifest().digest());

    ManifestBytes child = client.getManifest(ref.withDigest(arm.digest()));
    ImageManifest manifest = (ImageManifest) child.parse();
    for (Descriptor blob : manifest.blobs()) {
      try (InputStream in = client.getBlob(ref.repositoryName(), blob.digest())) {
        assertThat(in.readAllBytes()).isEqualTo(image.blobBytes(blob.digest().toString()));
      }
      assertThat(client.headBlob(ref.repositoryName(), blob.digest())).hasValue(blob.size());
    }
  }

  @Test
  void missingContent_isNotFoundWithOciErrorCode() throws Exception {
    RegistryPeer registry = PEERS.plain();
    RegistryClient client = clientFor(registry);
    ImageReference absent = ImageReference.parse(registry.imageRef("nothing/here:v1"));
    Digest digest = Digest.of(new byte[] {42});

    assertThat(client.headManifest(absent)).isEmpty();
    assertThat(client.headBlob(absent.repositoryName(), digest)).isEmpty();
    assertThatThrownBy(() -> client.getManifest(absent))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.errors()).isNotEmpty();
              assertThat(e.getMessage()).contains("GET manifest " + absent);
            });
    assertThatThrownBy(() -> client.getBlob(absent.repositoryName(), digest))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void listsAllTags_withPageSize() throws Exception {
    // distribution 2.8 ignores n= on tags/list and sends no Link (pagination arrived in 3.0):
    // Link following (relative and absolute) is covered by TagListerTest with MockWebServer.
    RegistryPeer registry = PEERS.plain();
    RegistryClient client = clientFor(registry);
    TestImage image = TestImages.singlePlatform(33);
    ImageReference base = ImageReference.parse(registry.imageRef("paged/app:t0"));
    LayoutPusher.push(client, image, base);
    ManifestBytes manifest = LayoutPusher.manifest(image, image.top());
    List<String> expected = new ArrayList<>(List.of("t0"));
    for (int i = 1; i < 7; i++) {
      client.putManifest(base.withTag("t" + i), manifest);
      expected.add("t" + i);
    }

    assertThat(client.listTags(base.repositoryName(), OptionalInt.of(2)))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(client.listTags(base.repositoryName()))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void mountsBlobAcrossRepositories_with201() throws Exception {
    RegistryPeer registry = PEERS.plain();
    RegistryClient client = clientFor(registry);
    TestImage image = TestImages.singlePlatform(34);
    ImageReference source = ImageReference.parse(registry.imageRef("mount/source:v1"));
    LayoutPusher.push(client, image, source);
    Digest layer = Digest.parse(image.images().get(0).layers().get(0).blob().digest());
    RepositoryName target = RepositoryName.parse(registry.host() + "/mount/target");

    assertThat(client.headBlob(target, layer)).isEmpty();
    assertThat(client.mountBlob(target, layer, source.repositoryName())).isTrue();

    assertThat(client.headBlob(target, layer)).isPresent();
    assertThat(registry.accessLog().count("POST", "/v2/mount/target/blobs/uploads/")).isEqualTo(1);
  }

  @Test
  void mountFromAbsentBlob_isDeclinedAndCancelled() throws Exception {
    RegistryPeer registry = PEERS.plain();
    RegistryClient client = clientFor(registry);
    RepositoryName target = RepositoryName.parse(registry.host() + "/mount/declined");
    Digest unknown = Digest.of("never pushed".getBytes(StandardCharsets.UTF_8));

    assertThat(client.mountBlob(target, unknown, RepositoryName.parse(registry.host() + "/x/y")))
        .isFalse();
    assertThat(client.headBlob(target, unknown)).isEmpty();
  }

  @Test
  void chunkedUpload_storesTheBlob() throws Exception {
    RegistryPeer registry = PEERS.plain();
    RegistryClient client = clientFor(registry);
    byte[] content = new byte[300_000];
    new java.util.Random(7).nextBytes(content);
    Digest digest = Digest.of(content);
    RepositoryName repo = RepositoryName.parse(registry.host() + "/chunked/blob");

    client.pushBlobChunked(repo, digest, BlobSource.of(content), 64 * 1024);

    try (InputStream in = client.getBlob(repo, digest)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(registry.accessLog().count("PATCH", "/v2/chunked/blob/blobs/uploads/.*"))
        .isEqualTo(5);
  }

  @Test
  void downloadBlob_writesVerifiedFile(@TempDir Path dir) throws Exception {
    RegistryPeer registry = PEERS.plain();
    RegistryClient client = clientFor(registry);
    byte[] content = "blob content".getBytes(StandardCharsets.UTF_8);
    RepositoryName repo = RepositoryName.parse(registry.host() + "/download/blob");
    client.pushBlob(repo, Digest.of(content), BlobSource.of(content), Optional.empty());

    Path target = dir.resolve("blob");
    client.downloadBlob(repo, Digest.of(content), target);

    assertThat(Files.readAllBytes(target)).isEqualTo(content);
  }

  @Test
  void listsReferrers_throughTagSchemaFallback() throws Exception {
    RegistryPeer registry = PEERS.plain();
    RegistryClient client = clientFor(registry);
    TestImage image = TestImages.singlePlatform(35);
    ImageReference subject = ImageReference.parse(registry.imageRef("refs/app:v1"));
    LayoutPusher.push(client, image, subject);
    Digest subjectDigest = Digest.parse(image.top().digest());
    String referrerIndex =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"digest\":\""
            + image.top().digest()
            + "\",\"size\":"
            + image.top().size()
            + ",\"artifactType\":\"application/vnd.example.sbom\"}]}";
    client.putManifest(
        subject.withTag(subjectDigest.algorithm().id() + "-" + subjectDigest.hex()),
        ManifestBytes.of(referrerIndex.getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_INDEX));

    List<Descriptor> all =
        client.listReferrers(subject.repositoryName(), subjectDigest, Optional.empty());
    List<Descriptor> other =
        client.listReferrers(
            subject.repositoryName(), subjectDigest, Optional.of("application/other"));

    assertThat(all)
        .extracting(d -> d.artifactType().orElse(""))
        .containsExactly("application/vnd.example.sbom");
    assertThat(other).isEmpty();
    assertThat(
            client.listReferrers(
                subject.repositoryName(), Digest.of(new byte[] {1}), Optional.empty()))
        .isEmpty();
  }

  @Test
  void htpasswdRegistry_acceptsRightPassword_andNamesTheUserOnWrongPassword() throws Exception {
    RegistryPeer registry = PEERS.start(RegistryPeer.builder().htpasswd("alice", "s3cret"));
    TestImage image = TestImages.singlePlatform(36);
    ImageReference ref = ImageReference.parse(registry.imageRef("private/app:v1"));
    RegistryClient good =
        RegistryClient.builder()
            .allowHosts(registry.host())
            .insecureHosts(registry.host())
            .credentials(Keyring.single(registry.host(), new Credential("alice", "s3cret")))
            .build();
    RegistryClient wrong =
        RegistryClient.builder()
            .allowHosts(registry.host())
            .insecureHosts(registry.host())
            .credentials(Keyring.single(registry.host(), new Credential("alice", "wrong")))
            .build();
    RegistryClient anonymous = clientFor(registry);

    LayoutPusher.push(good, image, ref);

    assertThat(good.getManifest(ref).digest().toString()).isEqualTo(image.top().digest());
    assertThatThrownBy(() -> wrong.getManifest(ref))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.getMessage())
                  .contains("GET manifest " + ref)
                  .contains("registry rejected the password of user alice");
            });
    assertThatThrownBy(() -> anonymous.headManifest(ref))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("no accepted credentials");
  }

  @Test
  void readsThroughAHarborStyleProjectPath_ofAPullThroughProxy() throws Exception {
    RegistryPeer upstream = PEERS.plain();
    TestImage image = TestImages.multiPlatform(38);
    image.pushWithSkopeo(upstream, "library/app:v1");
    HarborFront harbor = PEERS.start(HarborFront.builder().proxyProject("dockerhub", upstream));
    RegistryClient client =
        RegistryClient.builder().allowHosts(harbor.host()).insecureHosts(harbor.host()).build();
    ImageReference ref = ImageReference.parse(harbor.imageRef("dockerhub", "library/app:v1"));

    ManifestBytes index = client.getManifest(ref);
    Descriptor amd64 =
        ((ImageIndex) index.parse()).select(Platform.parse("linux/amd64")).orElseThrow();
    ImageManifest manifest =
        (ImageManifest) client.getManifest(ref.withDigest(amd64.digest())).parse();
    for (Descriptor blob : manifest.blobs()) {
      try (InputStream in = client.getBlob(ref.repositoryName(), blob.digest())) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
    }

    assertThat(index.digest().toString()).isEqualTo(image.top().digest());
    for (Descriptor blob : manifest.blobs()) {
      harbor
          .proxyRegistry("dockerhub")
          .awaitStoredBlob(blob.digest().toString(), java.time.Duration.ofSeconds(10));
    }
  }

  @Test
  void readsBackEveryBlobOfTheLayout_byDigest() throws Exception {
    RegistryPeer registry = PEERS.plain();
    RegistryClient client = clientFor(registry);
    TestImage image = TestImages.multiPlatform(37);
    ImageReference ref = ImageReference.parse(registry.imageRef("all/blobs:v1"));
    LayoutPusher.push(client, image, ref);

    for (Map.Entry<String, dev.harbormaster.testkit.registry.Descriptor> e :
        image.blobs().entrySet()) {
      String type = e.getValue().mediaType();
      if (MediaTypes.isIndex(type) || MediaTypes.isImageManifest(type)) {
        assertThat(client.getManifest(ref.withDigest(Digest.parse(e.getKey()))).bytes())
            .isEqualTo(image.blobBytes(e.getKey()));
      } else {
        try (InputStream in = client.getBlob(ref.repositoryName(), Digest.parse(e.getKey()))) {
          assertThat(in.readAllBytes()).isEqualTo(image.blobBytes(e.getKey()));
        }
      }
    }
  }
}
