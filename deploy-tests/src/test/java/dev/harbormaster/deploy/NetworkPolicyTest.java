package dev.harbormaster.deploy;

import static dev.harbormaster.deploy.NetworkPolicyRules.allowsEgress;
import static dev.harbormaster.deploy.NetworkPolicyRules.allowsIngress;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The NetworkPolicies of the host and of the prefetch agent, evaluated for concrete connections
 * ({@link NetworkPolicyRules}): each selects its pods, admits only its serving port, and lets out
 * only DNS to the cluster DNS pods and the API server's and registries' ports; with the component
 * {@code components/egress-cidrs} those go only to the listed addresses.
 */
class NetworkPolicyTest {
  private static final String NS = "harbormaster-system";
  private static final NetworkPeer.Pod DNS =
      NetworkPeer.Pod.in("kube-system", Map.of("k8s-app", "kube-dns"));
  private static final NetworkPeer.Pod PROMETHEUS =
      NetworkPeer.Pod.in("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
  private static final NetworkPeer.External API_SERVER = NetworkPeer.External.of("192.0.2.10");
  private static final NetworkPeer.External REGISTRY = NetworkPeer.External.of("198.51.100.7");
  private static final NetworkPeer.External ELSEWHERE = NetworkPeer.External.of("8.8.8.8");

  private static NetworkPolicy policy(Rendered r, String name) {
    return r.one(NetworkPolicy.class, name);
  }

  private static NetworkPeer.Pod hostPod(Rendered r) {
    return NetworkPeer.Pod.in(
        NS,
        r.one(Deployment.class, "harbormaster").getSpec().getTemplate().getMetadata().getLabels());
  }

  private static NetworkPeer.Pod agentPod(Rendered r) {
    return NetworkPeer.Pod.in(
        NS,
        r.one(DaemonSet.class, "harbormaster-prefetch-agent")
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getLabels());
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void eachPolicy_selectsItsOwnPods_only(Overlay overlay) {
    Rendered r = overlay.render();

    assertThat(NetworkPolicyRules.selects(policy(r, "harbormaster"), hostPod(r))).isTrue();
    assertThat(NetworkPolicyRules.selects(policy(r, "harbormaster"), agentPod(r))).isFalse();
    assertThat(NetworkPolicyRules.selects(policy(r, "harbormaster-prefetch-agent"), agentPod(r)))
        .isTrue();
    assertThat(NetworkPolicyRules.selects(policy(r, "harbormaster-prefetch-agent"), hostPod(r)))
        .isFalse();
    assertThat(r.all(NetworkPolicy.class))
        .allSatisfy(
            p ->
                assertThat(NetworkPolicyRules.policyTypes(p))
                    .as(p.getMetadata().getName())
                    .containsExactlyInAnyOrder("Ingress", "Egress"));
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void theHost_isReachableOnItsWebhookPort_fromTheApiServerAndPrometheus_andOnNothingElse(
      Overlay overlay) {
    Rendered r = overlay.render();
    NetworkPolicy p = policy(r, "harbormaster");
    int webhookPort =
        r.one(Deployment.class, "harbormaster")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .getFirst()
            .getPorts()
            .getFirst()
            .getContainerPort();

    assertThat(allowsIngress(p, API_SERVER, "TCP", webhookPort)).isTrue();
    assertThat(allowsIngress(p, PROMETHEUS, "TCP", webhookPort)).isTrue();
    assertThat(allowsIngress(p, PROMETHEUS, "TCP", 8080)).isFalse();
    assertThat(allowsIngress(p, API_SERVER, "UDP", webhookPort)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void theHost_resolvesNames_throughTheClusterDnsPods_only(Overlay overlay) {
    NetworkPolicy p = policy(overlay.render(), "harbormaster");

    assertThat(allowsEgress(p, DNS, "UDP", 53)).isTrue();
    assertThat(allowsEgress(p, DNS, "TCP", 53)).isTrue();
    assertThat(allowsEgress(p, NetworkPeer.Pod.in("team-a", DNS.labels()), "UDP", 53)).isFalse();
    assertThat(allowsEgress(p, ELSEWHERE, "UDP", 53)).as("an outside resolver").isFalse();
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void theHost_reachesTheApiServerAndRegistries_onTheirPorts_andNothingElse(Overlay overlay) {
    NetworkPolicy p = policy(overlay.render(), "harbormaster");

    assertThat(allowsEgress(p, API_SERVER, "TCP", 6443)).isTrue();
    assertThat(allowsEgress(p, API_SERVER, "TCP", 443)).isTrue();
    assertThat(allowsEgress(p, REGISTRY, "TCP", 443)).isTrue();
    assertThat(allowsEgress(p, REGISTRY, "TCP", 80)).isFalse();
    assertThat(allowsEgress(p, REGISTRY, "TCP", 5000)).isFalse();
    assertThat(allowsEgress(p, ELSEWHERE, "TCP", 22)).isFalse();
    assertThat(allowsEgress(p, NetworkPeer.Pod.in("team-a", Map.of("app", "db")), "TCP", 5432))
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(Overlay.class)
  void theAgent_servesOnlyMetrics_andReachesOnlyDnsAndTheApiServer(Overlay overlay) {
    Rendered r = overlay.render();
    NetworkPolicy p = policy(r, "harbormaster-prefetch-agent");
    int metrics =
        r.one(DaemonSet.class, "harbormaster-prefetch-agent")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .getFirst()
            .getPorts()
            .getFirst()
            .getContainerPort();

    assertThat(allowsIngress(p, PROMETHEUS, "TCP", metrics)).isTrue();
    assertThat(allowsIngress(p, PROMETHEUS, "TCP", 8443)).isFalse();
    assertThat(allowsEgress(p, DNS, "UDP", 53)).isTrue();
    assertThat(allowsEgress(p, API_SERVER, "TCP", 6443)).isTrue();
    assertThat(allowsEgress(p, REGISTRY, "TCP", 80)).isFalse();
    assertThat(allowsEgress(p, REGISTRY, "TCP", 5000)).isFalse();
  }

  @Test
  void withTheEgressCidrsComponent_theApiServerAndRegistries_areReachedOnlyAtTheListedAddresses() {
    Rendered r;
    try (DeployCopy copy = DeployCopy.create()) {
      copy.write(
          "overlays/pinned/kustomization.yaml",
          """
          apiVersion: kustomize.config.k8s.io/v1beta1
          kind: Kustomization
          resources: [../cert-manager]
          components: [../../components/egress-cidrs]
          """);
      r =
          new Rendered(
              StrictModel.parseAll(Kustomize.render(copy.root().resolve("overlays/pinned"))));
    }
    NetworkPolicy host = policy(r, "harbormaster");
    NetworkPolicy agent = policy(r, "harbormaster-prefetch-agent");

    assertThat(allowsEgress(host, DNS, "UDP", 53)).isTrue();
    assertThat(allowsEgress(host, API_SERVER, "TCP", 6443)).isTrue();
    assertThat(allowsEgress(host, REGISTRY, "TCP", 443)).isTrue();
    assertThat(allowsEgress(host, NetworkPeer.External.of("203.0.113.9"), "TCP", 443)).isTrue();
    assertThat(allowsEgress(host, ELSEWHERE, "TCP", 443)).isFalse();
    assertThat(allowsEgress(host, REGISTRY, "TCP", 6443)).isFalse();
    assertThat(allowsEgress(agent, DNS, "TCP", 53)).isTrue();
    assertThat(allowsEgress(agent, API_SERVER, "TCP", 443)).isTrue();
    assertThat(allowsEgress(agent, REGISTRY, "TCP", 443)).isFalse();
    assertThat(allowsEgress(agent, ELSEWHERE, "TCP", 6443)).isFalse();
    assertThat(allowsIngress(host, API_SERVER, "TCP", 8443)).isTrue();
  }
}
