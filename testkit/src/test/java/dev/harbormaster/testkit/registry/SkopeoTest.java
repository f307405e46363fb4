package dev.harbormaster.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.testkit.process.CommandFailedException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SkopeoTest {

  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  @Test
  void copyAll_betweenRegistries_keepsTheIndexDigest() {
    RegistryPeer source = peers.plain();
    RegistryPeer target = peers.start(RegistryPeer.builder());
    TestImage image = TestImages.multiPlatform(41);
    image.pushWithSkopeo(source, "app:v1");

    peers.skopeo().copyAll(source.dockerRef("app:v1"), target.dockerRef("mirror/app:v1"));

    byte[] copied = peers.skopeo().inspectRaw(target.dockerRef("mirror/app:v1"));
    assertThat(RegistryPeerTest.sha256(copied)).isEqualTo(image.top().digest());
  }

  @Test
  void sync_copiesEveryTagUnderThePrefix() {
    RegistryPeer source = peers.plain();
    RegistryPeer target = peers.start(RegistryPeer.builder());
    TestImage one = TestImages.singlePlatform(42);
    TestImage two = TestImages.multiPlatform(43);
    one.pushWithSkopeo(source, "tools/sync:one");
    two.pushWithSkopeo(source, "tools/sync:two");

    peers
        .skopeo()
        .sync(
            source.imageRef("tools/sync"),
            Optional.empty(),
            target.imageRef("mirror"),
            Optional.empty());

    assertThat(
            RegistryPeerTest.sha256(peers.skopeo().inspectRaw(target.dockerRef("mirror/sync:one"))))
        .isEqualTo(one.top().digest());
    assertThat(
            RegistryPeerTest.sha256(peers.skopeo().inspectRaw(target.dockerRef("mirror/sync:two"))))
        .isEqualTo(two.top().digest());
  }

  @Test
  void listTags_returnsEveryTagOfTheRepository() {
    RegistryPeer registry = peers.start(RegistryPeer.builder());
    TestImage image = TestImages.singlePlatform(44);
    image.pushWithSkopeo(registry, "tagged:a");
    image.pushWithSkopeo(registry, "tagged:b");

    assertThat(peers.skopeo().listTags(registry.dockerRef("tagged"), Optional.empty()))
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void failures_carrySkopeosStderr() {
    RegistryPeer registry = peers.plain();

    assertThatThrownBy(() -> peers.skopeo().inspectRaw(registry.dockerRef("missing:v1")))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("manifest unknown");
    assertThat(peers.skopeo().run(List.of("--version")).stdoutText()).contains("skopeo version");
  }
}
