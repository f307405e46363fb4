package dev.harbormaster.plugin.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.workload.WorkloadKind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestExtractorTest {
  private final RequestExtractor extractor = new RequestExtractor(Map.of("tier", "default"));

  @Test
  void readsNormalisedImages_selector_secrets_serviceAccount_andRuntimeClass() {
    var object =
        Reviews.deployment(
            """
            {"nodeSelector": {"pool": "web"}, "serviceAccountName": "shop-sa",
             "runtimeClassName": "gvisor", "imagePullSecrets": [{"name": "regcred"}],
             "initContainers": [{"name": "i", "image": "busybox:1.36"}],
             "containers": [{"name": "a", "image": "nginx"}, {"name": "b", "image": "nginx:latest"},
                            {"name": "c", "image": "not a reference"}]}
            """);

    PrefetchRequest r =
        extractor.extract(Reviews.create("Deployment", object, false)).orElseThrow();

    assertThat(r.name()).isEqualTo("deployment-shop-web");
    assertThat(r.images())
        .containsExactly("docker.io/library/busybox:1.36", "docker.io/library/nginx:latest");
    assertThat(r.nodeSelector()).isEqualTo(Map.of("pool", "web"));
    assertThat(r.pullSecrets()).containsExactly("regcred");
    assertThat(r.serviceAccount()).isEqualTo("shop-sa");
    assertThat(r.runtimeClassName()).isEqualTo("gvisor");
    assertThat(r.owner().describe()).isEqualTo("Deployment shop/web");
  }

  @Test
  void withoutANodeSelector_theInstancesSelectorApplies_andTheServiceAccountIsDefault() {
    var object = Reviews.deployment("{\"containers\": [{\"name\": \"a\", \"image\": \"nginx\"}]}");
    PrefetchRequest r =
        extractor.extract(Reviews.create("Deployment", object, false)).orElseThrow();
    assertThat(r.nodeSelector()).isEqualTo(Map.of("tier", "default"));
    assertThat(r.serviceAccount()).isEqualTo("default");
  }

  @Test
  void anUpdateWithTheSameImages_isNothingToDo_butChangedImagesAre() {
    var before =
        Reviews.deployment("{\"containers\": [{\"name\": \"a\", \"image\": \"nginx:1\"}]}");
    var sameImagesOtherEnv =
        Reviews.deployment(
            "{\"containers\": [{\"name\": \"a\", \"image\": \"nginx:1\", \"env\": [{\"name\": \"X\"}]}]}");
    var changed =
        Reviews.deployment("{\"containers\": [{\"name\": \"a\", \"image\": \"nginx:2\"}]}");

    assertThat(extractor.extract(Reviews.update("Deployment", sameImagesOtherEnv, before)))
        .isEmpty();
    assertThat(extractor.extract(Reviews.update("Deployment", changed, before))).isPresent();
  }

  @Test
  void optedOutWorkloads_areLeftAlone() {
    var object = Reviews.deployment("{\"containers\": [{\"name\": \"a\", \"image\": \"nginx\"}]}");
    object
        .withObject("metadata")
        .putObject("labels")
        .put("harbormaster.dev/image-caching-policy", "ignore");
    assertThat(extractor.extract(Reviews.create("Deployment", object, false))).isEmpty();
  }

  @Test
  void longNames_areCutTo63WithAHash_andNamelessPodsAreNamedByTheirImages() {
    String longName =
        RequestExtractor.objectName(WorkloadKind.DEPLOYMENT, "ns", "x".repeat(80), Set.of("a"));
    assertThat(longName).hasSize(63).startsWith("deployment-ns-xxx");
    assertThat(RequestExtractor.objectName(WorkloadKind.POD, "ns", "", Set.of("a")))
        .isEqualTo(RequestExtractor.objectName(WorkloadKind.POD, "ns", "", Set.of("a")))
        .isNotEqualTo(RequestExtractor.objectName(WorkloadKind.POD, "ns", "", Set.of("b")))
        .startsWith("pod-ns-images-");
  }
}
