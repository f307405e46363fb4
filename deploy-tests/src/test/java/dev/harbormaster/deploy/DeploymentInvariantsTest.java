package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.config.LoadedConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The host's Deployment matches its config (port, config and TLS files) and is highly available and
 * locked down (restricted Pod Security Standard).
 */
class DeploymentInvariantsTest {
  @TempDir Path dir;

  private static Deployment deployment(Overlay overlay) {
    return overlay.render().one(Deployment.class, "harbormaster");
  }

  private static Container host(Overlay overlay) {
    return deployment(overlay).getSpec().getTemplate().getSpec().getContainers().getFirst();
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void theContainerPort_isTheConfigsPort_andTheServiceTargetsIt(Overlay overlay) {
    LoadedConfig config = DeployedConfig.of(overlay.render()).load(dir);
    ContainerPort port = host(overlay).getPorts().getFirst();
    ServicePort service =
        overlay.render().one(Service.class, "harbormaster").getSpec().getPorts().getFirst();

    assertThat(port.getContainerPort()).isEqualTo(config.config().server().port()).isEqualTo(8443);
    assertThat(service.getPort()).isEqualTo(443);
    assertThat(service.getTargetPort().getValue()).isIn(port.getName(), port.getContainerPort());
    assertThat(overlay.render().one(Service.class, "harbormaster").getSpec().getSelector())
        .isEqualTo(deployment(overlay).getSpec().getSelector().getMatchLabels());
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void theHostReadsItsConfigFromTheConfigMap_andTlsFromTheSecret(Overlay overlay) {
    LoadedConfig config = DeployedConfig.of(overlay.render()).load(dir);
    Container c = host(overlay);
    PodSpec pod = deployment(overlay).getSpec().getTemplate().getSpec();
    int configArg = c.getArgs().indexOf("--config");

    assertThat(c.getArgs().getFirst()).isEqualTo("serve");
    assertThat(configArg).isPositive();
    assertThat(c.getArgs().get(configArg + 1))
        .isEqualTo(mountPath(c, "config") + "/" + DeployedConfig.KEY);
    assertThat(volume(pod, "config").getConfigMap().getName()).isEqualTo(DeployedConfig.CONFIG_MAP);
    var tls = config.config().server().tls().orElseThrow();
    assertThat(tls.certFile()).isEqualTo(mountPath(c, "tls") + "/tls.crt");
    assertThat(tls.keyFile()).isEqualTo(mountPath(c, "tls") + "/tls.key");
    assertThat(volume(pod, "tls").getSecret().getSecretName()).isEqualTo("harbormaster-tls");
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void probes_callTheHostsHealthRoutes_overHttps(Overlay overlay) {
    Container c = host(overlay);
    Map<String, Probe> probes =
        Map.of("/readyz", c.getReadinessProbe(), "/healthz", c.getLivenessProbe());

    probes.forEach(
        (path, probe) -> {
          assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
          assertThat(probe.getHttpGet().getScheme()).isEqualTo("HTTPS");
          assertThat(probe.getHttpGet().getPort().getValue())
              .isIn("https", c.getPorts().getFirst().getContainerPort());
        });
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void twoReplicas_onDifferentNodes_withADisruptionBudget(Overlay overlay) {
    Deployment d = deployment(overlay);
    var labels = d.getSpec().getTemplate().getMetadata().getLabels();
    var anti =
        d.getSpec()
            .getTemplate()
            .getSpec()
            .getAffinity()
            .getPodAntiAffinity()
            .getRequiredDuringSchedulingIgnoredDuringExecution();
    PodDisruptionBudget pdb = overlay.render().one(PodDisruptionBudget.class, "harbormaster");

    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    assertThat(anti)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
              assertThat(labels).containsAllEntriesOf(t.getLabelSelector().getMatchLabels());
            });
    assertThat(labels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    assertThat(pdb.getSpec().getMaxUnavailable().getValue()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void theHost_runsRestricted_nonRoot_readOnly_withoutCapabilities(Overlay overlay) {
    PodSpec pod = deployment(overlay).getSpec().getTemplate().getSpec();
    var sc = host(overlay).getSecurityContext();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
    assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
    assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(sc.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(pod.getVolumes())
        .as("restricted allows only these volume types")
        .allSatisfy(
            v ->
                assertThat(
                        v.getConfigMap() != null
                            || v.getSecret() != null
                            || v.getEmptyDir() != null)
                    .as(v.getName())
                    .isTrue());
    assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
    assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
    assertThat(host(overlay).getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(host(overlay).getResources().getLimits()).containsKey("memory");
    assertThat(deployment(overlay).getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("harbormaster.dev/image-caching-policy", "ignore");
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void theNetworkPolicy_admitsOnlyTheWebhookPort(Overlay overlay) {
    NetworkPolicy np = overlay.render().one(NetworkPolicy.class, "harbormaster");

    assertThat(np.getSpec().getPolicyTypes()).contains("Ingress");
    assertThat(deployment(overlay).getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(np.getSpec().getPodSelector().getMatchLabels());
    assertThat(np.getSpec().getIngress())
        .flatExtracting(rule -> rule.getPorts())
        .extracting(p -> p.getPort().getValue())
        .containsExactly(host(overlay).getPorts().getFirst().getContainerPort());
  }

  private static String mountPath(Container c, String volume) {
    List<VolumeMount> mounts =
        c.getVolumeMounts().stream().filter(m -> m.getName().equals(volume)).toList();
    assertThat(mounts).as("mount of volume %s", volume).hasSize(1);
    return mounts.getFirst().getMountPath();
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }
}
