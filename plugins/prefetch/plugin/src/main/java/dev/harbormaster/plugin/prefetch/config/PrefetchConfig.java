package dev.harbormaster.plugin.prefetch.config;

import java.time.Duration;
import java.util.Map;

/**
 * The {@code config} block of a prefetch instance (every field optional).
 *
 * @param namespace Harbormaster's namespace: where ImagePrefetch objects and copied pull secrets
 *     are written and the agents watch (default {@code harbormaster-system})
 * @param nodeSelector used when a workload's pod template has no {@code nodeSelector} (default
 *     empty: every node)
 * @param ttl how long an intent is kept after its last update (default 24h; 0 keeps it)
 * @param copyPullSecrets whether the pod's and its service account's pull secrets are copied
 *     (default true)
 * @param queueCapacity intents waiting to be written at most; more are dropped and counted (default
 *     1000)
 * @param writers concurrent writes to the API server (default 2)
 * @param aggregateInterval how often node reports are aggregated into ImagePrefetch status (default
 *     30s)
 */
public record PrefetchConfig(
    String namespace,
    Map<String, String> nodeSelector,
    Duration ttl,
    Boolean copyPullSecrets,
    Integer queueCapacity,
    Integer writers,
    Duration aggregateInterval) {

  /** Applies defaults and validates, naming the field and the value. */
  public PrefetchConfig {
    namespace = namespace == null ? "harbormaster-system" : namespace;
    nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
    ttl = ttl == null ? Duration.ofHours(24) : ttl;
    copyPullSecrets = copyPullSecrets == null ? Boolean.TRUE : copyPullSecrets;
    queueCapacity = queueCapacity == null ? 1000 : queueCapacity;
    writers = writers == null ? 2 : writers;
    aggregateInterval = aggregateInterval == null ? Duration.ofSeconds(30) : aggregateInterval;
    if (!namespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
      throw new IllegalArgumentException(
          "namespace must be a DNS label (lower-case letters, digits, '-'), got \""
              + namespace
              + "\"");
    }
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must not be negative, got " + ttl);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
    }
    if (writers < 1) {
      throw new IllegalArgumentException("writers must be at least 1, got " + writers);
    }
    if (aggregateInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "aggregateInterval must be at least 1s, got " + aggregateInterval);
    }
  }

  /** Every default. */
  public static PrefetchConfig defaults() {
    return new PrefetchConfig(null, null, null, null, null, null, null);
  }
}
