package dev.harbormaster.prefetch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** deploy/prefetch-agent/daemonset.yaml parses and keeps the agent locked down. */
class DaemonSetManifestTest {
  private static List<HasMetadata> manifests() throws Exception {
    try (InputStream in =
        Files.newInputStream(Path.of("../../../deploy/prefetch-agent/daemonset.yaml"))) {
      Object parsed = Serialization.unmarshal(in);
      return switch (parsed) {
        case KubernetesList l -> l.getItems();
        case List<?> l -> l.stream().map(HasMetadata.class::cast).toList();
        default -> List.of((HasMetadata) parsed);
      };
    }
  }

  private static <T> T only(Class<T> type) throws Exception {
    return manifests().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  @Test
  void theAgentContainer_isLockedDown_andMountsTheSocketDirectoryReadOnly() throws Exception {
    var pod = only(DaemonSet.class).getSpec().getTemplate().getSpec();
    var c = pod.getContainers().getFirst();
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(c.getVolumeMounts())
        .filteredOn(m -> m.getName().equals("cri-socket-dir"))
        .singleElement()
        .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
    assertThat(c.getEnv()).extracting(e -> e.getName()).contains("NODE_NAME", "POD_NAMESPACE");
  }

  @Test
  void rbac_readsOnlyIntentsAndSecretsInItsNamespace_andWritesOnlyNodeStatuses() throws Exception {
    Role role = only(Role.class);
    assertThat(role.getRules())
        .allSatisfy(r -> assertThat(r.getVerbs()).containsOnly("get", "list", "watch"));
    ClusterRole cluster = only(ClusterRole.class);
    assertThat(cluster.getRules())
        .filteredOn(r -> r.getVerbs().stream().anyMatch(v -> !v.equals("get")))
        .singleElement()
        .satisfies(r -> assertThat(r.getResources()).containsExactly("prefetchnodestatuses"));
  }
}
