package dev.harbormaster.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageCachingPolicyTest {

  @Test
  void podLabelledIgnore_isIgnored() {
    assertThat(ImageCachingPolicy.isIgnored("Pod", Fixtures.object("pod.json"))).isTrue();
  }

  @Test
  void workloadWhoseTemplateIsLabelledIgnore_isIgnored() {
    assertThat(ImageCachingPolicy.isIgnored("Deployment", Fixtures.object("deployment.json")))
        .isTrue();
  }

  @Test
  void otherValuesOrNoLabel_areNotIgnored() {
    assertThat(ImageCachingPolicy.isIgnored("CronJob", Fixtures.object("cronjob.json"))).isFalse();
    assertThat(
            ImageCachingPolicy.isIgnored(
                "Pod",
                Fixtures.json(
                    "{\"metadata\":{\"labels\":{\"harbormaster.dev/image-caching-policy\":\"on\"}}}")))
        .isFalse();
  }
}
