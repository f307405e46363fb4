package dev.harbormaster.plugin.mirrorsync.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code config} block of a {@code mirror-sync} instance (issue 6).
 *
 * <pre>{@code
 * target: { registry: registry.local, prefix: mirror }
 * interval: 10m
 * mirrors:
 *   - source: docker.io/library/nginx
 *     tags: { allow: ['^1\.2[5-9]\.'], deny: ['-rc'], semver: '>=1.25 <2', latest: 5 }
 *   - source: quay.io/prometheus/node-exporter
 *     tags: { exact: [v1.8.0, v1.8.1] }
 *     platforms: all
 * }</pre>
 *
 * @param target where images are copied to
 * @param interval time between two sync passes of the host (default {@code 10m})
 * @param mirrors what to mirror (at least one)
 * @param registries access settings of source registries (credentials, CA, plain HTTP)
 * @param sync work sizes, request limits and the target-state file
 * @param onAdmission queue images of admitted workloads that match a mirror (default true)
 * @param leaderElection only one replica syncs (default enabled)
 */
public record MirrorSyncConfig(
    TargetConfig target,
    Duration interval,
    List<MirrorConfig> mirrors,
    List<SourceRegistryConfig> registries,
    SyncConfig sync,
    Boolean onAdmission,
    LeaderElectionConfig leaderElection) {

  /** Applies defaults and validates. */
  public MirrorSyncConfig {
    if (target == null) {
      throw new IllegalArgumentException(
          "target is required, e.g. {registry: registry.local, prefix: mirror}");
    }
    interval = interval == null ? Duration.ofMinutes(10) : interval;
    if (interval.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalArgumentException("interval must be at least 10s, got " + interval);
    }
    if (mirrors == null || mirrors.isEmpty()) {
      throw new IllegalArgumentException(
          "mirrors must list at least one mirror, e.g. {source: docker.io/library/nginx}");
    }
    mirrors = List.copyOf(mirrors);
    registries = registries == null ? List.of() : List.copyOf(registries);
    sync = sync == null ? SyncConfig.defaults() : sync;
    onAdmission = onAdmission == null || onAdmission;
    leaderElection = leaderElection == null ? LeaderElectionConfig.defaults() : leaderElection;
    Map<String, Integer> targets = new HashMap<>();
    for (int i = 0; i < mirrors.size(); i++) {
      String repo = target.repositoryFor(mirrors.get(i).sourceRepository()).toString();
      Integer other = targets.putIfAbsent(repo, i);
      if (other != null) {
        throw new IllegalArgumentException(
            "mirrors["
                + i
                + "]: source "
                + mirrors.get(i).source()
                + " maps to "
                + repo
                + ", the same target as mirrors["
                + other
                + "]");
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < registries.size(); i++) {
      Integer other = seen.putIfAbsent(registries.get(i).registry(), i);
      if (other != null) {
        throw new IllegalArgumentException(
            "registries["
                + i
                + "]: registry "
                + registries.get(i).registry()
                + " is already configured in registries["
                + other
                + "]");
      }
    }
  }

  /** The access settings of a source registry, if configured. */
  public java.util.Optional<SourceRegistryConfig> registry(String registry) {
    return registries.stream().filter(r -> r.registry().equals(registry)).findFirst();
  }
}
