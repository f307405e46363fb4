package dev.harbormaster.host.cli;

import dev.harbormaster.host.config.InvalidConfigException;
import dev.harbormaster.host.plugins.PluginLoadException;
import dev.harbormaster.host.tls.TlsMaterialException;
import java.io.PrintWriter;

/** Prints config and plugin problems, one per line, and maps them to an exit code. */
final class ProblemPrinter {
  private ProblemPrinter() {}

  /** Prints {@code e} if it is a known problem and returns the exit code; rethrows otherwise. */
  static int print(RuntimeException e, PrintWriter err) {
    if (e instanceof InvalidConfigException
        || e instanceof PluginLoadException
        || e instanceof TlsMaterialException) {
      err.println("Invalid configuration:");
      for (String line : e.getMessage().split("\n")) {
        err.println("  " + line);
      }
      err.flush();
      return ExitCodes.DENIED_OR_INVALID;
    }
    throw e;
  }
}
