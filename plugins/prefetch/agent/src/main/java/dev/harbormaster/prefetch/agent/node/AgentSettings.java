package dev.harbormaster.prefetch.agent.node;

import java.time.Duration;

/**
 * Where the agent runs and how often it acts.
 *
 * @param nodeName this node (from the downward API, {@code spec.nodeName})
 * @param namespace Harbormaster's namespace, where ImagePrefetch objects and copied pull secrets
 *     live
 * @param tickInterval how often due images are offered and the report is considered
 * @param reportInterval the least time between two writes of the node's PrefetchNodeStatus
 * @param labelRefresh how often the node's labels are read again
 */
public record AgentSettings(
    String nodeName,
    String namespace,
    Duration tickInterval,
    Duration reportInterval,
    Duration labelRefresh) {
  /** Validates the names. */
  public AgentSettings {
    if (nodeName == null || nodeName.isBlank()) {
      throw new IllegalArgumentException("node name is required (env NODE_NAME or --node)");
    }
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException(
          "namespace is required (env POD_NAMESPACE or --namespace)");
    }
  }

  /** Ticks every second, reports at most every 10 s, re-reads labels every 5 minutes. */
  public static AgentSettings of(String nodeName, String namespace) {
    return new AgentSettings(
        nodeName, namespace, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(5));
  }
}
