package dev.harbormaster.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MirrorPodsTest {

  @Test
  void podWithConfigMirrorAnnotation_isAMirrorPod() {
    assertThat(MirrorPods.isMirrorPod(Fixtures.object("cronjob.json"))).isTrue();
  }

  @Test
  void ordinaryPod_isNot() {
    assertThat(MirrorPods.isMirrorPod(Fixtures.object("pod.json"))).isFalse();
    assertThat(MirrorPods.isMirrorPod(Fixtures.json("{}"))).isFalse();
  }
}
