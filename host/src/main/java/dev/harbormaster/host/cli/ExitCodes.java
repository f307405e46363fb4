package dev.harbormaster.host.cli;

/** Exit codes of the {@code harbormaster} command. */
public final class ExitCodes {
  /** Success; every reviewed object allowed. */
  public static final int OK = 0;

  /** Invalid config or plugins, or (review) at least one object denied. */
  public static final int DENIED_OR_INVALID = 1;

  /** Usage error (picocli's default). */
  public static final int USAGE = 2;

  /** Unexpected error or unreadable input. */
  public static final int ERROR = 3;

  private ExitCodes() {}
}
