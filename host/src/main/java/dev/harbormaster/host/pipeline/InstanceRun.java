package dev.harbormaster.host.pipeline;

/**
 * What one instance did in one review (for the review log line and metrics).
 *
 * @param instance instance name
 * @param pluginId plugin id
 * @param result how it ended
 * @param nanos how long it took
 */
public record InstanceRun(String instance, String pluginId, Result result, long nanos) {

  /** How an instance's part of a review ended. */
  public enum Result {
    /** Allowed (and, when mutating, its changes were applied). */
    ALLOWED,
    /** Denied the review. */
    DENIED,
    /** Audit mode: would have denied or patched; reported only. */
    AUDITED,
    /** Ran late; failure policy applied. */
    TIMEOUT,
    /** Threw or returned nothing; failure policy applied. */
    EXCEPTION;

    /** Lowercase name for logs and metric tags. */
    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
