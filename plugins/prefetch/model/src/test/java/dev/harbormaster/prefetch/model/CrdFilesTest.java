package dev.harbormaster.prefetch.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/crds holds exactly the CRDs generated from the model. Regenerate them with {@code
 * -Dprefetch.crds.write=true}.
 */
class CrdFilesTest {
  private static final Path CRDS = Path.of("../../../deploy/crds");

  /** The CRD in {@code deploy/crds/<fileName>}. */
  private static CustomResourceDefinition deployedCrd(String fileName) throws Exception {
    return Serialization.unmarshal(
        Files.readString(CRDS.resolve(fileName)), CustomResourceDefinition.class);
  }

  @Test
  void deployCrds_areTheOnesGeneratedFromTheModel() throws Exception {
    for (var type : List.of(ImagePrefetch.class, PrefetchNodeStatus.class)) {
      String generated = CrdGenerator.yaml(type);
      Path file = CRDS.resolve(CrdGenerator.crd(type).getMetadata().getName() + ".yaml");
      if (Boolean.getBoolean("prefetch.crds.write")) {
        Files.writeString(file, generated);
      }
      assertThat(file).exists();
      assertThat(Files.readString(file))
          .as("%s is stale: rerun with -Dprefetch.crds.write=true", file)
          .isEqualTo(generated);
    }
  }

  @Test
  void imagePrefetchCrd_isNamespacedWithStatusSubresourceAndTypedSpec() throws Exception {
    CustomResourceDefinition crd = deployedCrd("imageprefetches.prefetch.harbormaster.dev.yaml");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo("ImagePrefetch");
    var version = crd.getSpec().getVersions().getFirst();
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getSubresources().getStatus()).isNotNull();
    var spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    assertThat(spec.getProperties().get("images").getItems().getSchema().getType())
        .isEqualTo("string");
    assertThat(spec.getProperties().get("nodeSelector").getAdditionalProperties().getSchema())
        .extracting(s -> s.getType())
        .isEqualTo("string");
    assertThat(spec.getProperties().get("ttlSeconds").getFormat()).isEqualTo("int64");
  }

  @Test
  void nodeStatusCrd_isClusterScopedAndListsEveryPhase() throws Exception {
    CustomResourceDefinition crd =
        deployedCrd("prefetchnodestatuses.prefetch.harbormaster.dev.yaml");
    assertThat(crd.getSpec().getScope()).isEqualTo("Cluster");
    var version = crd.getSpec().getVersions().getFirst();
    assertThat(version.getSubresources().getStatus()).isNull();
    var phase =
        version
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("spec")
            .getProperties()
            .get("images")
            .getItems()
            .getSchema()
            .getProperties()
            .get("phase");
    assertThat(phase.getEnum())
        .extracting(Object::toString)
        .containsExactly("\"Pending\"", "\"Pulling\"", "\"Available\"", "\"Failed\"", "\"Error\"");
  }

  @Test
  void resources_roundTripThroughJson() {
    ImagePrefetch p =
        ImagePrefetch.of(
            "harbormaster-system",
            "deploy-shop-web",
            new ImagePrefetchSpec(
                List.of("docker.io/library/nginx:1.27"),
                Map.of("pool", "web"),
                List.of("pull-1"),
                "",
                3600,
                new WorkloadOwner("apps/v1", "Deployment", "shop", "web")));
    ImagePrefetch back = Serialization.unmarshal(Serialization.asJson(p), ImagePrefetch.class);
    assertThat(back.getSpec()).isEqualTo(p.getSpec());
    assertThat(back.getApiVersion()).isEqualTo("prefetch.harbormaster.dev/v1alpha1");
  }

  @SuppressWarnings("unused")
  private static Class<? extends CustomResource<?, ?>> unused() {
    return ImagePrefetch.class;
  }
}
