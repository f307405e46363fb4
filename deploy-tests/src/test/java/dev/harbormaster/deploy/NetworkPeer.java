package dev.harbormaster.deploy;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The other end of a connection, as a NetworkPolicy sees it: a pod in the cluster (matched by
 * namespace and pod selectors) or an address outside the pod network (matched by {@code ipBlock}).
 *
 * @see <a href="https://kubernetes.io/docs/concepts/services-networking/network-policies/">Network
 *     Policies</a>
 */
sealed interface NetworkPeer {
  /** The label every namespace carries with its own name (set by the API server). */
  String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  /**
   * A pod.
   *
   * @param namespace its namespace's name
   * @param namespaceLabels its namespace's labels (the name label is added)
   * @param labels the pod's labels
   */
  record Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels)
      implements NetworkPeer {
    /** Adds the namespace name label and copies the maps. */
    public Pod {
      Map<String, String> ns = new HashMap<>(namespaceLabels);
      ns.put(NAMESPACE_NAME_LABEL, namespace);
      namespaceLabels = Map.copyOf(ns);
      labels = Map.copyOf(labels);
    }

    /** A pod in {@code namespace}, whose namespace has only its name label. */
    static Pod in(String namespace, Map<String, String> labels) {
      return new Pod(namespace, Map.of(), labels);
    }
  }

  /**
   * An address outside the pod network (the API server's endpoint, a registry).
   *
   * @param address the address
   */
  record External(InetAddress address) implements NetworkPeer {
    /** The address of an IP literal (no DNS lookup). */
    static External of(String ipLiteral) {
      return new External(Cidr.literal(ipLiteral));
    }
  }
}
