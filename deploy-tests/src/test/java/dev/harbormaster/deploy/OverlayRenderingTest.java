package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every overlay renders with kubectl kustomize and every object parses strictly. */
class OverlayRenderingTest {
  private static final List<String> BASE_KINDS =
      List.of(
          "v1/Namespace",
          "apiextensions.k8s.io/v1/CustomResourceDefinition",
          "v1/ServiceAccount",
          "rbac.authorization.k8s.io/v1/Role",
          "rbac.authorization.k8s.io/v1/RoleBinding",
          "rbac.authorization.k8s.io/v1/ClusterRole",
          "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
          "v1/ConfigMap",
          "v1/Service",
          "apps/v1/Deployment",
          "policy/v1/PodDisruptionBudget",
          "apps/v1/DaemonSet",
          "networking.k8s.io/v1/NetworkPolicy",
          "admissionregistration.k8s.io/v1/MutatingWebhookConfiguration",
          "admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration");

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void rendersEveryPartOfTheBase_asTypedObjects(Overlay overlay) {
    List<String> kinds =
        overlay.render().objects().stream().map(OverlayRenderingTest::kindOf).toList();

    assertThat(kinds).containsAll(BASE_KINDS);
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void namespacedObjects_liveInHarbormastersNamespace(Overlay overlay) {
    assertThat(overlay.render().objects())
        .filteredOn(o -> o.getMetadata().getNamespace() != null)
        .isNotEmpty()
        .allSatisfy(
            o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("harbormaster-system"));
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void noObjectIsRenderedTwice(Overlay overlay) {
    List<String> ids =
        overlay.render().objects().stream()
            .map(
                o ->
                    kindOf(o)
                        + " "
                        + o.getMetadata().getNamespace()
                        + "/"
                        + o.getMetadata().getName())
            .toList();

    assertThat(ids).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void noSecretIsRendered_theTlsSecretComesFromCertManagerOrTheUser(Overlay overlay) {
    assertThat(overlay.render().objects()).noneMatch(o -> o.getKind().equals("Secret"));
  }

  private static String kindOf(HasMetadata o) {
    return o.getApiVersion() + "/" + o.getKind();
  }
}
