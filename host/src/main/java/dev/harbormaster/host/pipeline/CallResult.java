package dev.harbormaster.host.pipeline;

import dev.harbormaster.spi.Decision;

/** How one call of an instance's handler ended. */
sealed interface CallResult {

  /** The handler returned a decision in time. */
  record Completed(Decision decision) implements CallResult {}

  /** The handler threw, returned nothing, or ran late. */
  record Failed(FailureKind kind, String detail) implements CallResult {}

  /** Why a call failed (the {@code kind} tag of the error metric). */
  enum FailureKind {
    /** The handler did not answer within its timeout or the review's budget. */
    TIMEOUT,
    /** The handler threw or returned null. */
    EXCEPTION
  }
}
