package dev.harbormaster.bench.ocicopy;

import java.time.Duration;

/**
 * One timed copy of the whole image set.
 *
 * @param tool {@code skopeo}, {@code harbormaster} ...
 * @param phase {@code cold} (empty target) or {@code warm} (target already has everything)
 * @param wall wall-clock time of the whole set
 * @param sourceRequests requests the source registry logged during the run
 * @param targetRequests requests the target registry logged during the run
 */
record CopyMeasurement(
    String tool, String phase, Duration wall, long sourceRequests, long targetRequests) {

  long requests() {
    return sourceRequests + targetRequests;
  }

  String row() {
    return String.format(
        "| %-22s | %-4s | %8d ms | %6d | %6d | %6d |",
        tool, phase, wall.toMillis(), sourceRequests, targetRequests, requests());
  }
}
