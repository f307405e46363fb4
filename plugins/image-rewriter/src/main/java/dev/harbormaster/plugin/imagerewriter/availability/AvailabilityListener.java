package dev.harbormaster.plugin.imagerewriter.availability;

/** Told about every existence answer the checker uses (for metrics). */
@FunctionalInterface
public interface AvailabilityListener {

  /**
   * One answer.
   *
   * @param rule the rule whose mirror was asked
   * @param result the answer; a budget timeout is reported as {@link ProbeResult.Failed}
   * @param shared whether the answer came from the cache or a request already in flight
   */
  void answered(String rule, ProbeResult result, boolean shared);
}
