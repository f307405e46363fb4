package dev.harbormaster.plugin.harborproxy.warming;

import java.util.List;
import java.util.Optional;

/**
 * What one warm did.
 *
 * @param digest the digest the reference resolved to
 * @param index whether the reference named an index
 * @param platforms the platforms warmed (empty for a single image manifest)
 * @param missingPlatforms configured platforms the index lacks
 * @param manifests manifests fetched
 * @param blobs blobs fetched (streamed and discarded)
 * @param bytes bytes received (manifests and blobs)
 * @param unverifiedBlobs with {@code verify}: blobs Harbor did not report as cached afterwards
 * @param alreadyWarm the digest was warmed (or is being warmed) by another reference: skipped
 */
public record WarmReport(
    Optional<String> digest,
    boolean index,
    List<String> platforms,
    List<String> missingPlatforms,
    int manifests,
    int blobs,
    long bytes,
    List<String> unverifiedBlobs,
    boolean alreadyWarm) {

  /** Copies the lists. */
  public WarmReport {
    platforms = List.copyOf(platforms);
    missingPlatforms = List.copyOf(missingPlatforms);
    unverifiedBlobs = List.copyOf(unverifiedBlobs);
  }

  /** Nothing done yet. */
  public static WarmReport empty() {
    return new WarmReport(Optional.empty(), false, List.of(), List.of(), 0, 0, 0, List.of(), false);
  }
}
