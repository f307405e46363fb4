package dev.harbormaster.prefetch.agent.node;

import dev.harbormaster.prefetch.model.NodeImage;
import dev.harbormaster.prefetch.model.PullPhase;
import java.time.Instant;

/**
 * The agent's state of one image (immutable; the table swaps whole states).
 *
 * @param report what is reported for it
 * @param fingerprint the intent fingerprint the attempts count against
 * @param nextCheck when the loop may offer the image again (retry after backoff, or the periodic
 *     re-check of an available image)
 */
record ImageState(NodeImage report, String fingerprint, Instant nextCheck) {
  PullPhase phase() {
    return report.phase();
  }

  int attempts() {
    return report.attempts();
  }
}
