package dev.harbormaster.host.config;

/** What an instance's failure (exception or timeout) means for the review. */
public enum FailurePolicy {
  /** The failing instance is skipped; the review proceeds as if it had allowed. */
  ALLOW,
  /** The failing instance denies the review. */
  DENY
}
