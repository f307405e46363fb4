package dev.harbormaster.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates one NetworkPolicy the way the Kubernetes API documents it, for the pod it selects: is a
 * connection allowed? Rules are ORed; within a rule the port list and the peer list must both match
 * (an empty list matches everything); a peer with both a namespace and a pod selector needs both; a
 * pod selector alone means the policy's own namespace; {@code ipBlock} matches addresses outside
 * the pod network (whether it matches pod IPs is left to the network plugin, so pods never match it
 * here). Named ports are not evaluated (an error): deploy/ uses numbers.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/">NetworkPolicy
 *     v1</a>
 */
final class NetworkPolicyRules {
  private NetworkPolicyRules() {}

  /** True when the policy applies to {@code pod} (same namespace, pod selector matches). */
  static boolean selects(NetworkPolicy policy, NetworkPeer.Pod pod) {
    return pod.namespace().equals(policy.getMetadata().getNamespace())
        && HostLabelSelector.of(policy.getSpec().getPodSelector()).matches(pod.labels());
  }

  /** True when the selected pod may open {@code protocol}/{@code port} to {@code to}. */
  static boolean allowsEgress(NetworkPolicy policy, NetworkPeer to, String protocol, int port) {
    if (!policyTypes(policy).contains("Egress")) {
      return true;
    }
    return orEmpty(policy.getSpec().getEgress()).stream()
        .anyMatch(r -> matches(policy, r.getPorts(), r.getTo(), to, protocol, port));
  }

  /** True when {@code from} may connect to the selected pod's {@code protocol}/{@code port}. */
  static boolean allowsIngress(NetworkPolicy policy, NetworkPeer from, String protocol, int port) {
    if (!policyTypes(policy).contains("Ingress")) {
      return true;
    }
    return orEmpty(policy.getSpec().getIngress()).stream()
        .anyMatch(r -> matches(policy, r.getPorts(), r.getFrom(), from, protocol, port));
  }

  /** {@code spec.policyTypes}, or its default: Ingress, plus Egress when there are egress rules. */
  static List<String> policyTypes(NetworkPolicy policy) {
    List<String> types = policy.getSpec().getPolicyTypes();
    if (types != null && !types.isEmpty()) {
      return types;
    }
    return orEmpty(policy.getSpec().getEgress()).isEmpty()
        ? List.of("Ingress")
        : List.of("Ingress", "Egress");
  }

  private static boolean matches(
      NetworkPolicy policy,
      List<NetworkPolicyPort> ports,
      List<NetworkPolicyPeer> peers,
      NetworkPeer peer,
      String protocol,
      int port) {
    boolean portMatches =
        orEmpty(ports).isEmpty() || ports.stream().anyMatch(p -> portMatches(p, protocol, port));
    boolean peerMatches =
        orEmpty(peers).isEmpty() || peers.stream().anyMatch(p -> peerMatches(policy, p, peer));
    return portMatches && peerMatches;
  }

  private static boolean portMatches(NetworkPolicyPort rule, String protocol, int port) {
    if (!Objects.requireNonNullElse(rule.getProtocol(), "TCP").equals(protocol)) {
      return false;
    }
    IntOrString p = rule.getPort();
    if (p == null) {
      return true;
    }
    if (!(p.getValue() instanceof Integer first)) {
      throw new AssertionError("named port '" + p.getValue() + "' is not evaluated: use a number");
    }
    int last = Objects.requireNonNullElse(rule.getEndPort(), first);
    return port >= first && port <= last;
  }

  private static boolean peerMatches(
      NetworkPolicy policy, NetworkPolicyPeer rule, NetworkPeer peer) {
    return switch (peer) {
      case NetworkPeer.External external ->
          rule.getIpBlock() != null && ipBlockMatches(rule.getIpBlock(), external);
      case NetworkPeer.Pod pod -> {
        if (rule.getIpBlock() != null) {
          yield false;
        }
        boolean namespace =
            rule.getNamespaceSelector() == null
                ? pod.namespace().equals(policy.getMetadata().getNamespace())
                : HostLabelSelector.of(rule.getNamespaceSelector()).matches(pod.namespaceLabels());
        boolean labels =
            rule.getPodSelector() == null
                || HostLabelSelector.of(rule.getPodSelector()).matches(pod.labels());
        yield namespace && labels;
      }
    };
  }

  private static boolean ipBlockMatches(IPBlock block, NetworkPeer.External peer) {
    return Cidr.parse(block.getCidr()).contains(peer.address())
        && orEmpty(block.getExcept()).stream()
            .noneMatch(except -> Cidr.parse(except).contains(peer.address()));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
