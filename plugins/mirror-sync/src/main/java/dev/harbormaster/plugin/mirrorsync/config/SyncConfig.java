package dev.harbormaster.plugin.mirrorsync.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Sizes and limits of the sync.
 *
 * @param workers copies running at once (default 4)
 * @param perRegistryCopies copies from one source registry at once (default 2)
 * @param headConcurrency tag {@code HEAD}s in flight per source registry while planning (default 8)
 * @param blobParallelism blob transfers in flight at once (default 8)
 * @param queueCapacity copies that may wait (default 10000)
 * @param tagPageSize tags asked per page of the tag list (default 1000)
 * @param requestTimeout connect and read timeout of one request (default 30s)
 * @param stateFile where what is known of the target is kept between runs (relative to the config
 *     file; default none: kept in memory only, a new process checks every target tag once)
 * @param targetStateMaxAge after this long a known target digest is checked again with a {@code
 *     HEAD} (default 24h)
 */
public record SyncConfig(
    Integer workers,
    Integer perRegistryCopies,
    Integer headConcurrency,
    Integer blobParallelism,
    Integer queueCapacity,
    Integer tagPageSize,
    Duration requestTimeout,
    Optional<String> stateFile,
    Duration targetStateMaxAge) {

  /** Applies defaults and validates ranges. */
  public SyncConfig {
    workers = range("sync.workers", workers, 4, 1, 64);
    perRegistryCopies = range("sync.perRegistryCopies", perRegistryCopies, 2, 1, 64);
    headConcurrency = range("sync.headConcurrency", headConcurrency, 8, 1, 64);
    blobParallelism = range("sync.blobParallelism", blobParallelism, 8, 1, 64);
    queueCapacity = range("sync.queueCapacity", queueCapacity, 10_000, 1, 1_000_000);
    tagPageSize = range("sync.tagPageSize", tagPageSize, 1000, 1, 10_000);
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
    stateFile = stateFile == null ? Optional.empty() : stateFile;
    targetStateMaxAge = targetStateMaxAge == null ? Duration.ofHours(24) : targetStateMaxAge;
    if (!requestTimeout.isPositive()) {
      throw new IllegalArgumentException(
          "sync.requestTimeout must be positive, got " + requestTimeout);
    }
    if (targetStateMaxAge.isNegative()) {
      throw new IllegalArgumentException(
          "sync.targetStateMaxAge must not be negative, got " + targetStateMaxAge);
    }
  }

  /** Every default. */
  public static SyncConfig defaults() {
    return new SyncConfig(null, null, null, null, null, null, null, null, null);
  }

  private static int range(String field, Integer value, int dflt, int min, int max) {
    int v = value == null ? dflt : value;
    if (v < min || v > max) {
      throw new IllegalArgumentException(field + " must be " + min + ".." + max + ", got " + v);
    }
    return v;
  }
}
