package dev.harbormaster.plugin.mirrorsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.plugin.mirrorsync.config.MirrorConfig;
import dev.harbormaster.plugin.mirrorsync.config.PlatformSelection;
import dev.harbormaster.plugin.mirrorsync.config.TagsConfig;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.testkit.plugin.TestReviews;
import dev.harbormaster.worker.OfferResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Which admitted images are queued (the offers are recorded; nothing is sent anywhere). */
class AdmissionQueuerTest {
  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  private final List<String> offered = new CopyOnWriteArrayList<>();

  private AdmissionQueuer queuer(boolean instanceDryRun) {
    MirrorConfig nginx =
        new MirrorConfig(
            "nginx", new TagsConfig(null, List.of("-rc"), null, null, null), PlatformSelection.ALL);
    MirrorConfig app =
        new MirrorConfig("quay.io/acme/app", TagsConfig.all(), PlatformSelection.ALL);
    return new AdmissionQueuer(
        List.of(nginx, app),
        (MirrorConfig m, ImageReference image) -> {
          offered.add(m.source() + " <- " + image.full());
          return OfferResult.ENQUEUED;
        },
        instanceDryRun);
  }

  @Test
  void imagesOfMirroredRepositories_areOffered_onceEach() {
    Decision d =
        queuer(false)
            .review(
                TestReviews.pod(
                    false,
                    "nginx:1.27",
                    "docker.io/library/nginx:1.27",
                    "quay.io/acme/app:v2@" + DIGEST,
                    "quay.io/acme/app-extra:v1",
                    "redis:7"));

    assertThat(offered)
        .containsExactly(
            "nginx <- docker.io/library/nginx:1.27",
            "quay.io/acme/app <- quay.io/acme/app:v2@" + DIGEST);
    assertThat(d).isInstanceOf(Decision.Allow.class);
    assertThat(d.auditAnnotations()).containsKey("queued");
  }

  @Test
  void deniedTags_digestOnlyAndInvalidImages_areNotOffered() {
    queuer(false)
        .review(
            TestReviews.pod(false, "nginx:1.28.0-rc1", "quay.io/acme/app@" + DIGEST, "Not A Ref"));
    assertThat(offered).isEmpty();
  }

  @Test
  void dryRun_offersNothing_andSaysWhatItWouldQueue() {
    Decision request = queuer(false).review(TestReviews.pod(true, "nginx:1.27"));
    Decision instance = queuer(true).review(TestReviews.pod(false, "nginx:1.27"));

    assertThat(offered).isEmpty();
    assertThat(request.auditAnnotations())
        .containsEntry("would-queue", "docker.io/library/nginx:1.27");
    assertThat(instance.auditAnnotations())
        .containsEntry("would-queue", "docker.io/library/nginx:1.27");
  }

  @Test
  void podWithoutMirroredImages_isAllowedWithoutAnnotation() {
    assertThat(queuer(false).review(TestReviews.pod(false, "redis:7")).auditAnnotations())
        .isEmpty();
    assertThat(offered).isEmpty();
  }
}
