package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link NetworkPolicyRules} follows the documented semantics, shown on small policies: rules are
 * ORed, a peer's namespace and pod selectors are ANDed, a pod selector alone means the policy's
 * namespace, {@code except} carves out of {@code ipBlock}, port ranges and protocols count.
 */
class NetworkPolicyRulesTest {
  private static NetworkPolicy policy(String spec) {
    HasMetadata parsed =
        StrictModel.parseAll(
                """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: { name: p, namespace: team-a }
                spec:
                """
                    + spec.indent(2))
            .getFirst();
    return (NetworkPolicy) parsed;
  }

  private static final NetworkPolicy AND_VS_OR =
      policy(
          """
          podSelector: { matchLabels: { app: web } }
          policyTypes: [Egress]
          egress:
            - to:
                - namespaceSelector: { matchLabels: { env: prod } }
                  podSelector: { matchLabels: { app: db } }
              ports: [{ port: 5432 }]
            - to:
                - podSelector: { matchLabels: { app: cache } }
              ports: [{ port: 6379 }]
            - to:
                - ipBlock: { cidr: 10.0.0.0/8, except: [10.1.0.0/16] }
              ports: [{ protocol: TCP, port: 8000, endPort: 8010 }]
          """);

  @Test
  void selects_podsOfItsNamespace_matchingThePodSelector() {
    assertThat(
            NetworkPolicyRules.selects(
                AND_VS_OR, NetworkPeer.Pod.in("team-a", Map.of("app", "web"))))
        .isTrue();
    assertThat(
            NetworkPolicyRules.selects(
                AND_VS_OR, NetworkPeer.Pod.in("team-b", Map.of("app", "web"))))
        .isFalse();
    assertThat(
            NetworkPolicyRules.selects(
                AND_VS_OR, NetworkPeer.Pod.in("team-a", Map.of("app", "db"))))
        .isFalse();
  }

  @Test
  void namespaceAndPodSelectorsInOnePeer_mustBothMatch() {
    var prodDb = new NetworkPeer.Pod("prod", Map.of("env", "prod"), Map.of("app", "db"));
    var prodWeb = new NetworkPeer.Pod("prod", Map.of("env", "prod"), Map.of("app", "web"));
    var devDb = new NetworkPeer.Pod("dev", Map.of("env", "dev"), Map.of("app", "db"));

    assertThat(NetworkPolicyRules.allowsEgress(AND_VS_OR, prodDb, "TCP", 5432)).isTrue();
    assertThat(NetworkPolicyRules.allowsEgress(AND_VS_OR, prodWeb, "TCP", 5432)).isFalse();
    assertThat(NetworkPolicyRules.allowsEgress(AND_VS_OR, devDb, "TCP", 5432)).isFalse();
    assertThat(NetworkPolicyRules.allowsEgress(AND_VS_OR, prodDb, "UDP", 5432)).isFalse();
    assertThat(NetworkPolicyRules.allowsEgress(AND_VS_OR, prodDb, "TCP", 6379)).isFalse();
  }

  @Test
  void aPodSelectorAlone_meansThePolicysOwnNamespace() {
    assertThat(
            NetworkPolicyRules.allowsEgress(
                AND_VS_OR, NetworkPeer.Pod.in("team-a", Map.of("app", "cache")), "TCP", 6379))
        .isTrue();
    assertThat(
            NetworkPolicyRules.allowsEgress(
                AND_VS_OR, NetworkPeer.Pod.in("team-b", Map.of("app", "cache")), "TCP", 6379))
        .isFalse();
  }

  @Test
  void ipBlocks_matchOutsideAddresses_minusTheirExceptions_inThePortRange() {
    assertThat(
            NetworkPolicyRules.allowsEgress(
                AND_VS_OR, NetworkPeer.External.of("10.2.3.4"), "TCP", 8005))
        .isTrue();
    assertThat(
            NetworkPolicyRules.allowsEgress(
                AND_VS_OR, NetworkPeer.External.of("10.1.3.4"), "TCP", 8005))
        .isFalse();
    assertThat(
            NetworkPolicyRules.allowsEgress(
                AND_VS_OR, NetworkPeer.External.of("10.2.3.4"), "TCP", 8011))
        .isFalse();
    assertThat(
            NetworkPolicyRules.allowsEgress(
                AND_VS_OR, NetworkPeer.External.of("11.2.3.4"), "TCP", 8005))
        .isFalse();
    assertThat(
            NetworkPolicyRules.allowsEgress(
                AND_VS_OR, NetworkPeer.Pod.in("team-a", Map.of("app", "web")), "TCP", 8005))
        .as("pods never match ipBlock here")
        .isFalse();
  }

  @Test
  void aPolicyWithoutTheIngressType_leavesIngressOpen_andEmptyRuleListsIsolate() {
    NetworkPolicy denyAll = policy("podSelector: {}\npolicyTypes: [Ingress, Egress]\n");

    assertThat(
            NetworkPolicyRules.allowsIngress(
                AND_VS_OR, NetworkPeer.External.of("1.2.3.4"), "TCP", 1))
        .isTrue();
    assertThat(
            NetworkPolicyRules.allowsIngress(denyAll, NetworkPeer.External.of("1.2.3.4"), "TCP", 1))
        .isFalse();
    assertThat(
            NetworkPolicyRules.allowsEgress(denyAll, NetworkPeer.External.of("1.2.3.4"), "TCP", 1))
        .isFalse();
  }

  @Test
  void aRuleWithoutPortsOrPeers_matchesEveryPortAndPeer() {
    NetworkPolicy openEgress = policy("podSelector: {}\npolicyTypes: [Egress]\negress: [{}]\n");

    assertThat(
            NetworkPolicyRules.allowsEgress(
                openEgress, NetworkPeer.External.of("1.2.3.4"), "UDP", 9))
        .isTrue();
  }

  @Test
  void namedPorts_areRefused_ratherThanGuessed() {
    NetworkPolicy named =
        policy(
            "podSelector: {}\npolicyTypes: [Ingress]\ningress: [{ ports: [{ port: https }] }]\n");

    assertThatThrownBy(
            () ->
                NetworkPolicyRules.allowsIngress(
                    named, NetworkPeer.External.of("1.2.3.4"), "TCP", 1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("https");
  }
}
