package dev.harbormaster.plugin.denylatest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.plugin.denylatest.PodContainers.Container;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class PodContainersTest {
  private static final String TEMPLATE =
      """
      spec:
        template:
          spec:
            initContainers: [{name: init, image: busybox}]
            containers: [{name: app, image: "nginx:1.27"}]
      """;

  private static JsonNode yaml(String text) {
    return YAMLMapper.shared().readTree(text);
  }

  @Test
  void listsPodContainers_initFirst_thenContainers_thenEphemeral() {
    JsonNode pod =
        yaml(
            """
            spec:
              containers: [{name: app, image: "nginx:1.27"}, {name: side, image: envoy}]
              initContainers: [{name: init, image: busybox}]
              ephemeralContainers: [{name: dbg, image: "busybox:1.36"}]
            """);

    assertThat(PodContainers.of("Pod", pod))
        .containsExactly(
            new Container("initContainers", "init", "busybox"),
            new Container("containers", "app", "nginx:1.27"),
            new Container("containers", "side", "envoy"),
            new Container("ephemeralContainers", "dbg", "busybox:1.36"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"})
  void findsTheTemplate_ofEveryWorkloadKind(String kind) {
    assertThat(PodContainers.supports(kind)).isTrue();
    assertThat(PodContainers.of(kind, yaml(TEMPLATE)))
        .containsExactly(
            new Container("initContainers", "init", "busybox"),
            new Container("containers", "app", "nginx:1.27"));
  }

  @Test
  void findsTheCronJobTemplate_insideItsJobTemplate() {
    JsonNode cronJob =
        yaml(
            """
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers: [{name: report, image: python}]
            """);

    assertThat(PodContainers.of("CronJob", cronJob))
        .containsExactly(new Container("containers", "report", "python"));
  }

  @Test
  void returnsNothing_forOtherKindsAndMissingSpecs() {
    assertThat(PodContainers.supports("ConfigMap")).isFalse();
    assertThat(PodContainers.of("ConfigMap", yaml(TEMPLATE))).isEmpty();
    assertThat(PodContainers.of("Deployment", yaml("spec: {replicas: 1}"))).isEmpty();
    assertThat(PodContainers.of("Pod", yaml("metadata: {name: x}"))).isEmpty();
  }

  @Test
  void toleratesContainersWithoutNameOrImage() {
    assertThat(PodContainers.of("Pod", yaml("spec: {containers: [{}]}")))
        .containsExactly(new Container("containers", "", ""));
  }

  @Test
  void describesContainersByTheirListAndName() {
    assertThat(new Container("initContainers", "init", "x").describe())
        .isEqualTo("initContainer \"init\"");
    assertThat(new Container("ephemeralContainers", "dbg", "x").describe())
        .isEqualTo("ephemeralContainer \"dbg\"");
  }
}
