package dev.harbormaster.host.tls;

import java.nio.file.Path;

/**
 * TLS key material that cannot be used: a missing or unreadable file, a PEM file without a
 * certificate, a key that does not match its certificate, an unsupported or encrypted key. The
 * message names the file and the problem.
 */
public final class TlsMaterialException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** A problem with {@code file}, described by {@code problem}. */
  public TlsMaterialException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /** A problem with {@code file} caused by {@code cause}. */
  public TlsMaterialException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }
}
