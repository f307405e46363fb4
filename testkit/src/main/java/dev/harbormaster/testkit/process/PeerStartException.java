package dev.harbormaster.testkit.process;

/**
 * A peer did not become ready in time, or exited while starting. The message names the peer, the
 * readiness probe, the PID and exit state, and ends with the tail of the peer's log files.
 */
public final class PeerStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a complete, human-readable message. */
  public PeerStartException(String message) {
    super(message);
  }
}
