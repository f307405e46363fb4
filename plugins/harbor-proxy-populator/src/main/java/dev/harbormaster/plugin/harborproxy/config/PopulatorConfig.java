package dev.harbormaster.plugin.harborproxy.config;

import dev.harbormaster.oci.platform.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code config} block of a {@code harbor-proxy-populator} instance (issue 5; every field with
 * its default in {@code docs/plugins/harbor-proxy-populator.md}).
 *
 * @param harbor where Harbor is
 * @param projects which images are warmed through which proxy project
 * @param platforms the platforms warmed from an index, {@code os/arch[/variant]} (default {@code
 *     [linux/amd64]})
 * @param mode {@code manifests} or {@code full} (default {@code full})
 * @param blobConcurrency in {@code full} mode, blobs of one image downloaded at once (default 3)
 * @param verify after warming, {@code HEAD} each blob on Harbor and report the ones it lacks
 *     (default false)
 * @param queue the background queue
 * @param recentResults how many recent results the status document lists (default 100)
 * @param statusInterval how often the status document is refreshed besides after each warm (default
 *     10s)
 * @param simulate debug only: replace network work with a delay
 */
public record PopulatorConfig(
    HarborConfig harbor,
    List<ProjectConfig> projects,
    List<String> platforms,
    WarmMode mode,
    Integer blobConcurrency,
    Boolean verify,
    QueueConfig queue,
    Integer recentResults,
    Duration statusInterval,
    Optional<SimulationConfig> simulate) {

  /** Applies defaults and validates what one field alone can tell. */
  public PopulatorConfig {
    if (harbor == null) {
      throw new IllegalArgumentException("harbor is required (at least harbor.url)");
    }
    if (projects == null || projects.isEmpty()) {
      throw new IllegalArgumentException(
          "projects must list at least one mapping, e.g. {registry: docker.io, project:"
              + " dockerhub-proxy}");
    }
    projects = List.copyOf(projects);
    platforms = platforms == null ? List.of("linux/amd64") : List.copyOf(platforms);
    for (String p : platforms) {
      Platform.parse(p);
    }
    mode = mode == null ? WarmMode.FULL : mode;
    verify = verify != null && verify;
    blobConcurrency = blobConcurrency == null ? 3 : blobConcurrency;
    if (blobConcurrency < 1 || blobConcurrency > 16) {
      throw new IllegalArgumentException("blobConcurrency must be 1..16, got " + blobConcurrency);
    }
    queue = queue == null ? QueueConfig.defaults() : queue;
    recentResults = recentResults == null ? 100 : recentResults;
    statusInterval = statusInterval == null ? Duration.ofSeconds(10) : statusInterval;
    simulate = simulate == null ? Optional.empty() : simulate;
    if (recentResults < 0 || recentResults > 10_000) {
      throw new IllegalArgumentException("recentResults must be 0..10000, got " + recentResults);
    }
    if (!statusInterval.isPositive()) {
      throw new IllegalArgumentException("statusInterval must be positive, got " + statusInterval);
    }
  }

  /** The parsed platforms. */
  public List<Platform> parsedPlatforms() {
    return platforms.stream().map(Platform::parse).toList();
  }
}
