package dev.harbormaster.prefetch.agent.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.testkit.containerd.ContainerdNode;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImages;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real containerd 1.6 (CRI plugin on a private socket) and a real docker-registry. */
class CriClientTest {
  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  private static ContainerdNode node;
  private static CriClient cri;

  @BeforeAll
  static void start() {
    node = ContainerdNode.start(peers);
    cri = peers.manage(CriClient.connect(node.containerd().socket()));
  }

  @Test
  void version_namesContainerdAndCriV1() {
    RuntimeVersion v = cri.version();
    assertThat(v.runtimeName()).isEqualTo("containerd");
    assertThat(v.apiVersion()).isEqualTo("v1");
    assertThat(v.describe()).matches("containerd v?\\d+\\.\\d+.*");
  }

  @Test
  void imageStatus_isEmptyForAnImageTheRuntimeDoesNotHave() {
    assertThat(cri.imageStatus("127.0.0.1:1/nothing/here:v1")).isEmpty();
  }

  @Test
  void pull_fetchesFromAPlainHttpRegistry_andCtrAndListImagesSeeIt() {
    RegistryPeer registry = node.trustedPlainRegistry();
    String ref = node.push(TestImages.multiPlatform(701), registry, "cri/pull:v1");

    String imageRef = cri.pull(ref, Optional.empty(), "", Duration.ofMinutes(2));

    assertThat(imageRef).startsWith("sha256:");
    assertThat(node.containerd().imageNames()).contains(ref);
    assertThat(cri.imageStatus(ref)).get().extracting(RuntimeImage::id).isEqualTo(imageRef);
    assertThat(cri.listImages())
        .anySatisfy(i -> assertThat(i.repoTags()).contains(ref))
        .allSatisfy(i -> assertThat(i.id()).startsWith("sha256:"));
  }

  @Test
  void pull_ofAMissingTag_failsAsNotFound() {
    RegistryPeer registry = node.trustedPlainRegistry();
    assertThatThrownBy(
            () ->
                cri.pull(
                    registry.imageRef("cri/missing:v1"),
                    Optional.empty(),
                    "",
                    Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(CriFailure.of(e).reason()).isEqualTo("not-found"));
  }

  @Test
  void imageFilesystems_reportTheImageStoreUsage() {
    assertThat(cri.imageFilesystems()).isNotEmpty();
  }
}
