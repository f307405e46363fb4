package dev.harbormaster.prefetch.agent.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.auth.Keyring;
import dev.harbormaster.prefetch.agent.PullSecrets;
import dev.harbormaster.prefetch.agent.cri.CriClient;
import dev.harbormaster.testkit.containerd.ContainerdNode;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImages;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real containerd and real docker-registry peers (plain and htpasswd). */
class ImagePullerTest {
  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  private static ContainerdNode node;
  private static CriClient cri;
  private static RegistryPeer privateRegistry;
  private static ImagePuller puller;

  @BeforeAll
  static void start() {
    node = ContainerdNode.start(peers);
    cri = peers.manage(CriClient.connect(node.containerd().socket()));
    puller = new ImagePuller(cri, Duration.ofMinutes(2));
    privateRegistry = node.trustedRegistry(RegistryPeer.builder().htpasswd("puller", "s3cret"));
  }

  private static Keyring secretFor(RegistryPeer registry, String user, String password) {
    return PullSecrets.keyring("harbormaster-system/pull", registry.host(), user, password);
  }

  @Test
  void pullsAPrivateImage_withTheCredentialOfItsPullSecret() {
    String ref = node.push(TestImages.singlePlatform(711), privateRegistry, "private/app:v1");

    PullOutcome outcome = puller.pull(ref, secretFor(privateRegistry, "puller", "s3cret"), "");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            PullOutcome.Pulled.class,
            p -> {
              assertThat(p.imageRef()).startsWith("sha256:");
              assertThat(p.size()).isPositive();
            });
    assertThat(node.containerd().imageNames()).contains(ref);
  }

  @Test
  void aWrongPassword_failsWithReasonAuth_andNothingIsPulled() {
    String ref = node.push(TestImages.singlePlatform(712), privateRegistry, "private/denied:v1");

    PullOutcome outcome = puller.pull(ref, secretFor(privateRegistry, "puller", "wrong"), "");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            PullOutcome.Failed.class, f -> assertThat(f.failure().reason()).isEqualTo("auth"));
    assertThat(node.containerd().imageNames()).doesNotContain(ref);
  }

  @Test
  void anImageAlreadyPresent_causesNoRequestToTheRegistry() {
    RegistryPeer registry = node.trustedPlainRegistry();
    String ref = node.push(TestImages.singlePlatform(713), registry, "present/app:v1");
    assertThat(puller.pull(ref, Keyring.anonymous(), "")).isInstanceOf(PullOutcome.Pulled.class);
    int mark = registry.accessLog().size();

    PullOutcome again = puller.pull(ref, Keyring.anonymous(), "");

    assertThat(again).isInstanceOf(PullOutcome.AlreadyPresent.class);
    assertThat(registry.accessLog().since(mark)).isEmpty();
  }

  @Test
  void aFullImageFilesystem_holdsThePullBack_butPresentImagesAreStillReported() {
    RegistryPeer registry = node.trustedPlainRegistry();
    String absent = node.push(TestImages.singlePlatform(715), registry, "disk/new:v1");
    String present = node.push(TestImages.singlePlatform(716), registry, "disk/old:v1");
    assertThat(puller.pull(present, Keyring.anonymous(), ""))
        .isInstanceOf(PullOutcome.Pulled.class);
    ImagePuller guarded =
        new ImagePuller(
            cri, Duration.ofMinutes(2), DiskGuard.of(() -> 10, 1_000, "/var/lib/containerd"));
    int mark = registry.accessLog().size();

    PullOutcome held = guarded.pull(absent, Keyring.anonymous(), "");
    PullOutcome stillThere = guarded.pull(present, Keyring.anonymous(), "");

    assertThat(held)
        .isInstanceOfSatisfying(
            PullOutcome.Failed.class,
            f -> {
              assertThat(f.failure().reason()).isEqualTo("disk");
              assertThat(f.failure().message())
                  .contains("/var/lib/containerd")
                  .contains("10 bytes free");
            });
    assertThat(stillThere).isInstanceOf(PullOutcome.AlreadyPresent.class);
    assertThat(registry.accessLog().since(mark)).isEmpty();
    assertThat(node.containerd().imageNames()).doesNotContain(absent);
  }

  @Test
  void credentialsForAnotherRegistry_areNotSent_andTheAnonymousPullIsRefused() {
    String ref = node.push(TestImages.singlePlatform(714), privateRegistry, "private/other:v1");
    Keyring otherHost = PullSecrets.keyring("ns/other", "other.example.com", "puller", "s3cret");

    PullOutcome outcome = puller.pull(ref, otherHost, "");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            PullOutcome.Failed.class, f -> assertThat(f.failure().reason()).isEqualTo("auth"));
  }
}
