package dev.harbormaster.testkit.process;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Outcome of a short command run by {@link Command}.
 *
 * @param command the command line that ran
 * @param exitCode process exit code
 * @param stdout raw standard output (bytes, so manifests keep their exact digest)
 * @param stderr standard error as text
 */
public record CommandResult(List<String> command, int exitCode, byte[] stdout, String stderr) {

  /** Standard output decoded as UTF-8. */
  public String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  /** True when the exit code is 0. */
  public boolean succeeded() {
    return exitCode == 0;
  }

  /**
   * Returns this result when the command succeeded.
   *
   * @throws CommandFailedException naming the command, the exit code and stderr otherwise
   */
  public CommandResult orThrow() {
    if (!succeeded()) {
      throw new CommandFailedException(this);
    }
    return this;
  }
}
