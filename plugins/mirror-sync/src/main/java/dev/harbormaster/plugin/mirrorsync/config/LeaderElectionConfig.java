package dev.harbormaster.plugin.mirrorsync.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Only one host replica syncs: the holder of a Kubernetes {@code coordination.k8s.io/v1} Lease.
 * Disable for a single replica outside Kubernetes; the command line never elects (it runs when
 * asked).
 *
 * @param enabled take part in the election (default true)
 * @param namespace the Lease's namespace (default: the pod's namespace from the service account,
 *     else {@code default})
 * @param leaseName the Lease's name (default {@code harbormaster-mirror-sync-<instance>})
 * @param identity this replica's identity (default: the {@code HOSTNAME} environment variable, the
 *     pod name in Kubernetes)
 * @param leaseDuration how long a lease holds without renewal (default 15s)
 * @param renewPeriod how often the holder renews and others try to take over (default 5s)
 */
public record LeaderElectionConfig(
    Boolean enabled,
    Optional<String> namespace,
    Optional<String> leaseName,
    Optional<String> identity,
    Duration leaseDuration,
    Duration renewPeriod) {

  /** Applies defaults and validates the timings. */
  public LeaderElectionConfig {
    enabled = enabled == null || enabled;
    namespace = namespace == null ? Optional.empty() : namespace;
    leaseName = leaseName == null ? Optional.empty() : leaseName;
    identity = identity == null ? Optional.empty() : identity;
    leaseDuration = leaseDuration == null ? Duration.ofSeconds(15) : leaseDuration;
    renewPeriod = renewPeriod == null ? Duration.ofSeconds(5) : renewPeriod;
    if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "leaderElection.leaseDuration must be at least 1s, got " + leaseDuration);
    }
    if (!renewPeriod.isPositive() || renewPeriod.compareTo(leaseDuration) >= 0) {
      throw new IllegalArgumentException(
          "leaderElection.renewPeriod must be positive and shorter than leaseDuration ("
              + leaseDuration
              + "), got "
              + renewPeriod);
    }
  }

  /** Every default. */
  public static LeaderElectionConfig defaults() {
    return new LeaderElectionConfig(null, null, null, null, null, null);
  }
}
