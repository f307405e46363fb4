package dev.harbormaster.plugin.mirrorsync.copy;

import java.io.IOException;

/** The target tag does not hold the digest that was just pushed. */
public final class VerificationException extends IOException {
  private static final long serialVersionUID = 1L;

  /** With a message naming the tag and both digests. */
  public VerificationException(String message) {
    super(message);
  }
}
