package dev.harbormaster.testkit.process;

/** A command run by {@link Command} exited non-zero; the message carries its stderr. */
public final class CommandFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient CommandResult result;

  /** Creates the exception for a failed result. */
  public CommandFailedException(CommandResult result) {
    super(
        "command failed with exit code "
            + result.exitCode()
            + ": "
            + String.join(" ", result.command())
            + "\nstderr:\n"
            + result.stderr().strip()
            + (result.stdout().length > 0 && result.stdout().length < 4096
                ? "\nstdout:\n" + result.stdoutText().strip()
                : ""));
    this.result = result;
  }

  /** The failed result, with exit code, stdout and stderr. */
  public CommandResult result() {
    return result;
  }
}
