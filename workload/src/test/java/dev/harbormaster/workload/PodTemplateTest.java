package dev.harbormaster.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class PodTemplateTest {

  @Test
  void pod_listsEveryContainerKindInStartOrder_withPointers() {
    ObjectNode pod = Fixtures.object("pod.json");

    List<ContainerImage> containers = PodTemplate.find("Pod", pod).orElseThrow().containers();

    assertThat(containers)
        .extracting(c -> c.kind() + " " + c.index() + " " + c.name() + " " + c.image())
        .containsExactly(
            "INIT 0 setup busybox:1.36",
            "INIT 1 proxy envoyproxy/envoy:v1.31.0",
            "REGULAR 0 web nginx",
            "REGULAR 1 noimage ",
            "EPHEMERAL 0 debugger quay.io/acme/debug@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    assertThat(containers.get(1).pointer()).hasToString("/spec/initContainers/1");
    assertThat(containers.get(2).imagePointer()).hasToString("/spec/containers/0/image");
    assertThat(containers.get(4).describe()).isEqualTo("ephemeralContainer \"debugger\"");
  }

  @Test
  void deployment_findsTemplateSpec() {
    PodTemplate template =
        PodTemplate.find("Deployment", Fixtures.object("deployment.json")).orElseThrow();

    assertThat(template.kind()).isEqualTo(WorkloadKind.DEPLOYMENT);
    assertThat(template.specPointer()).hasToString("/spec/template/spec");
    assertThat(template.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.pointer()).hasToString("/spec/template/spec/containers/0"));
  }

  @Test
  void cronJob_findsJobTemplateSpec() {
    PodTemplate template =
        PodTemplate.find("CronJob", Fixtures.object("cronjob.json")).orElseThrow();

    assertThat(template.containers())
        .extracting(c -> c.pointer().toString())
        .containsExactly(
            "/spec/jobTemplate/spec/template/spec/initContainers/0",
            "/spec/jobTemplate/spec/template/spec/containers/0");
  }

  @Test
  void containersOfSelectedKinds_only() {
    PodTemplate template = PodTemplate.find("Pod", Fixtures.object("pod.json")).orElseThrow();

    assertThat(template.containers(EnumSet.of(ContainerKind.EPHEMERAL)))
        .extracting(ContainerImage::name)
        .containsExactly("debugger");
  }

  @Test
  void setImage_changesOnlyTheImageOfTheLiveTree() {
    ObjectNode pod = Fixtures.object("pod.json");
    ObjectNode before = pod.deepCopy();
    ContainerImage web = PodTemplate.find("Pod", pod).orElseThrow().containers().get(2);

    web.setImage("mirror.local/library/nginx");

    assertThat(pod.at("/spec/containers/0/image").asString())
        .isEqualTo("mirror.local/library/nginx");
    ((ObjectNode) before.at("/spec/containers/0")).put("image", "mirror.local/library/nginx");
    assertThat(pod).isEqualTo(before);
  }

  @Test
  void otherKindsOrMissingSpec_findNothing() {
    assertThat(PodTemplate.find("ConfigMap", Fixtures.json("{\"data\":{}}"))).isEmpty();
    assertThat(PodTemplate.find("Deployment", Fixtures.json("{\"spec\":{}}"))).isEmpty();
    assertThat(PodTemplate.find("Pod", Fixtures.json("{\"spec\":\"oops\"}"))).isEmpty();
  }

  @Test
  void setAnnotation_onWorkload_goesToTheTemplateMetadata() {
    ObjectNode deployment = Fixtures.object("deployment.json");
    PodTemplate template = PodTemplate.find("Deployment", deployment).orElseThrow();

    template.setAnnotation("example.com/a", "b");

    assertThat(deployment.at("/spec/template/metadata/annotations/example.com~1a").asString())
        .isEqualTo("b");
    assertThat(deployment.path("metadata").has("annotations")).isFalse();
    assertThat(template.annotations()).containsEntry("example.com/a", "b");
    assertThat(template.labels()).containsKey(ImageCachingPolicy.LABEL);
  }

  @Test
  void setAnnotation_onCronJobWithoutTemplateMetadata_createsIt() {
    ObjectNode cronJob = Fixtures.object("cronjob.json");

    PodTemplate.find("CronJob", cronJob).orElseThrow().setAnnotation("k", "v");

    assertThat(cronJob.at("/spec/jobTemplate/spec/template/metadata/annotations/k").asString())
        .isEqualTo("v");
  }
}
