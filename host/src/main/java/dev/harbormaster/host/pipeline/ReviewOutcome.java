package dev.harbormaster.host.pipeline;

import dev.harbormaster.host.review.AdmissionResponse;
import java.util.List;

/**
 * The result of running the pipeline over one review.
 *
 * @param response the AdmissionReview response
 * @param runs what each matching instance did (mutating: in config order; validating: in config
 *     order of the matching instances)
 */
public record ReviewOutcome(AdmissionResponse response, List<InstanceRun> runs) {
  /** Copies the list. */
  public ReviewOutcome {
    runs = List.copyOf(runs);
  }
}
