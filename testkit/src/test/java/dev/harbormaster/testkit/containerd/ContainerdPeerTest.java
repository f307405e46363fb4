package dev.harbormaster.testkit.containerd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContainerdPeerTest {

  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  private static ContainerdPeer containerd;

  @BeforeAll
  static void startContainerd() {
    containerd = peers.manage(ContainerdPeer.start());
  }

  @Test
  void criPluginIsUp_onThePrivateSocket() throws Exception {
    assertThat(containerd.ctr("plugins", "ls").orThrow().stdoutText())
        .containsPattern("io\\.containerd\\.grpc\\.v1\\s+cri\\s+\\S+\\s+ok");
    assertThat(containerd.socket()).startsWith(containerd.workDir());
    assertThat(Files.readString(containerd.configFile()))
        .contains("root = \"" + containerd.workDir().resolve("root") + "\"")
        .contains("config_path = \"" + containerd.certsDir() + "\"");
  }

  @Test
  void pullsAMultiPlatformImage_fromAPlainHttpRegistry() {
    RegistryPeer registry = peers.plain();
    TestImage image = TestImages.multiPlatform(51);
    image.pushWithSkopeo(registry, "app:v1");

    containerd.pullPlainHttp(registry.imageRef("app:v1"));

    assertThat(containerd.imageNames()).contains(registry.imageRef("app:v1"));
    assertThat(containerd.ctr("images", "ls").orThrow().stdoutText())
        .contains(image.top().digest());
    String amd64Layer = image.image("linux/amd64").layers().getFirst().blob().digest();
    registry
        .accessLog()
        .awaitCount("GET", "/v2/app/blobs/" + amd64Layer, 1, Duration.ofSeconds(10));
  }

  @Test
  void trustPlainHttp_writesAHostsTomlThatContainerdResolvesThrough() throws Exception {
    RegistryPeer registry = peers.start(RegistryPeer.builder());
    TestImages.singlePlatform(52).pushWithSkopeo(registry, "viahosts:v1");

    containerd.trustPlainHttp(registry);

    assertThat(
            Files.readString(containerd.certsDir().resolve(registry.host()).resolve("hosts.toml")))
        .contains("server = \"http://" + registry.host() + "\"");
    // no --plain-http: only the hosts.toml tells containerd to use http for this host
    containerd
        .ctr(
            "images",
            "pull",
            "--hosts-dir",
            containerd.certsDir().toString(),
            registry.imageRef("viahosts:v1"))
        .orThrow();
    assertThat(containerd.imageNames()).contains(registry.imageRef("viahosts:v1"));
  }
}
