package dev.harbormaster.oci.digest;

import java.io.IOException;

/** Content whose digest (or size) differs from the one it was requested or announced by. */
public final class DigestMismatchException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Digest expected;
  private final transient Digest actual;

  /**
   * @param what what was read, e.g. {@code blob 127.0.0.1:5000/app@sha256:...}
   */
  public DigestMismatchException(String what, Digest expected, Digest actual) {
    super(what + ": content digest " + actual + " does not match the expected " + expected);
    this.expected = expected;
    this.actual = actual;
  }

  /** The digest the content was requested by. */
  public Digest expected() {
    return expected;
  }

  /** The digest of the bytes received. */
  public Digest actual() {
    return actual;
  }
}
