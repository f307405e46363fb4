package dev.harbormaster.prefetch.model;

/** Where one image stands on one node. */
public enum PullPhase {
  /** Wanted, not started yet (queued, or waiting for the next retry). */
  Pending,
  /** A PullImage call is in flight. */
  Pulling,
  /** The runtime has the image (pulled, or already present). */
  Available,
  /** The last attempt failed; another one is scheduled. */
  Failed,
  /**
   * Given up after the configured attempts (or a permanent failure) until the spec or a secret
   * changes.
   */
  Error
}
