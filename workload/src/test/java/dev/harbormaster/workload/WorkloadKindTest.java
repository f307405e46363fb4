package dev.harbormaster.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadKindTest {

  @Test
  void knowsTheSevenKinds_caseSensitively() {
    assertThat(WorkloadKind.of("StatefulSet")).contains(WorkloadKind.STATEFUL_SET);
    assertThat(WorkloadKind.of("CronJob").orElseThrow().templatePath())
        .containsExactly("spec", "jobTemplate", "spec", "template");
    assertThat(WorkloadKind.of("Pod").orElseThrow().isPod()).isTrue();
    assertThat(WorkloadKind.of("pod")).isEmpty();
    assertThat(WorkloadKind.of("Service")).isEmpty();
  }
}
