package dev.harbormaster.prefetch.agent.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.auth.Keyring;
import dev.harbormaster.oci.auth.PullSecretKeyring;
import dev.harbormaster.prefetch.agent.PullSecrets;
import dev.harbormaster.prefetch.agent.cri.CriClient;
import dev.harbormaster.testkit.containerd.ContainerdPeer;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImages;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real containerd and real docker-registry peers (plain and htpasswd). */
class ImagePullerTest {
  @RegisterExtension static final RegistryPeers peers = new RegistryPeers();

  private static ContainerdPeer containerd;
  private static CriClient cri;
  private static RegistryPeer privateRegistry;
  private static ImagePuller puller;

  @BeforeAll
  static void start() {
    containerd = peers.manage(ContainerdPeer.start());
    cri = CriClient.connect(containerd.socket());
    puller = new ImagePuller(cri, Duration.ofMinutes(2));
    privateRegistry = peers.start(RegistryPeer.builder().htpasswd("puller", "s3cret"));
    containerd.trustPlainHttp(privateRegistry);
  }

  @AfterAll
  static void stop() throws Exception {
    cri.close();
  }

  private static Keyring secretFor(RegistryPeer registry, String user, String password) {
    return PullSecretKeyring.builder()
        .addPullSecret(
            "harbormaster-system/pull",
            "kubernetes.io/dockerconfigjson",
            PullSecrets.dockerConfigJson(registry.host(), user, password))
        .build();
  }

  @Test
  void pullsAPrivateImage_withTheCredentialOfItsPullSecret() {
    TestImages.singlePlatform(711)
        .pushWithSkopeo(privateRegistry, "private/app:v1", privateRegistry.credentials().get());
    String ref = privateRegistry.imageRef("private/app:v1");

    PullOutcome outcome = puller.pull(ref, secretFor(privateRegistry, "puller", "s3cret"), "");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            PullOutcome.Pulled.class,
            p -> {
              assertThat(p.imageRef()).startsWith("sha256:");
              assertThat(p.size()).isPositive();
            });
    assertThat(containerd.imageNames()).contains(ref);
  }

  @Test
  void aWrongPassword_failsWithReasonAuth_andNothingIsPulled() {
    TestImages.singlePlatform(712)
        .pushWithSkopeo(privateRegistry, "private/denied:v1", privateRegistry.credentials().get());
    String ref = privateRegistry.imageRef("private/denied:v1");

    PullOutcome outcome = puller.pull(ref, secretFor(privateRegistry, "puller", "wrong"), "");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            PullOutcome.Failed.class, f -> assertThat(f.failure().reason()).isEqualTo("auth"));
    assertThat(containerd.imageNames()).doesNotContain(ref);
  }

  @Test
  void anImageAlreadyPresent_causesNoRequestToTheRegistry() {
    RegistryPeer registry = peers.plain();
    containerd.trustPlainHttp(registry);
    TestImages.singlePlatform(713).pushWithSkopeo(registry, "present/app:v1");
    String ref = registry.imageRef("present/app:v1");
    assertThat(puller.pull(ref, Keyring.anonymous(), "")).isInstanceOf(PullOutcome.Pulled.class);
    int mark = registry.accessLog().size();

    PullOutcome again = puller.pull(ref, Keyring.anonymous(), "");

    assertThat(again).isInstanceOf(PullOutcome.AlreadyPresent.class);
    assertThat(registry.accessLog().since(mark)).isEmpty();
  }

  @Test
  void aFullImageFilesystem_holdsThePullBack_butPresentImagesAreStillReported() {
    RegistryPeer registry = peers.plain();
    containerd.trustPlainHttp(registry);
    TestImages.singlePlatform(715).pushWithSkopeo(registry, "disk/new:v1");
    TestImages.singlePlatform(716).pushWithSkopeo(registry, "disk/old:v1");
    String present = registry.imageRef("disk/old:v1");
    assertThat(puller.pull(present, Keyring.anonymous(), ""))
        .isInstanceOf(PullOutcome.Pulled.class);
    ImagePuller guarded =
        new ImagePuller(
            cri, Duration.ofMinutes(2), DiskGuard.of(() -> 10, 1_000, "/var/lib/containerd"));
    int mark = registry.accessLog().size();

    PullOutcome held = guarded.pull(registry.imageRef("disk/new:v1"), Keyring.anonymous(), "");
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
    assertThat(containerd.imageNames()).doesNotContain(registry.imageRef("disk/new:v1"));
  }

  @Test
  void credentialsForAnotherRegistry_areNotSent_andTheAnonymousPullIsRefused() {
    TestImages.singlePlatform(714)
        .pushWithSkopeo(privateRegistry, "private/other:v1", privateRegistry.credentials().get());
    Keyring otherHost =
        PullSecretKeyring.builder()
            .addPullSecret(
                "ns/other",
                "kubernetes.io/dockerconfigjson",
                PullSecrets.dockerConfigJson("other.example.com", "puller", "s3cret"))
            .build();

    PullOutcome outcome = puller.pull(privateRegistry.imageRef("private/other:v1"), otherHost, "");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            PullOutcome.Failed.class, f -> assertThat(f.failure().reason()).isEqualTo("auth"));
  }
}
