package dev.harbormaster.plugin.harborproxy.warming;

import java.util.List;

/**
 * One line of the status document's recent results.
 *
 * @param reference the Harbor reference
 * @param source the image as the pod named it
 * @param outcome {@code warmed}, {@code already-warm}, {@code retrying}, {@code failed} or {@code
 *     would-warm} (dry run)
 * @param reason the failure reason ({@code not-found}, {@code denied}, {@code unavailable}...), or
 *     {@code none}
 * @param message the detail of a failure, or empty
 * @param platforms the platforms warmed
 * @param missingPlatforms configured platforms the index lacks
 * @param digest the resolved digest, or empty
 * @param manifests manifests fetched
 * @param blobs blobs fetched
 * @param bytes bytes received
 * @param unverifiedBlobs blobs Harbor did not report as cached (with {@code verify})
 * @param durationMs duration of the attempt
 * @param attempt the attempt number
 * @param retryInMs when {@code retrying}: the delay before the next attempt, else 0
 * @param at when it ended (ISO-8601)
 */
public record WarmResult(
    String reference,
    String source,
    String outcome,
    String reason,
    String message,
    List<String> platforms,
    List<String> missingPlatforms,
    String digest,
    int manifests,
    int blobs,
    long bytes,
    List<String> unverifiedBlobs,
    long durationMs,
    int attempt,
    long retryInMs,
    String at) {}
