package dev.harbormaster.host;

import dev.harbormaster.host.cli.CheckCommand;
import dev.harbormaster.host.cli.ExitCodes;
import dev.harbormaster.host.cli.PluginCommandRunner;
import dev.harbormaster.host.cli.ReviewCommand;
import dev.harbormaster.host.cli.ServeCommand;
import dev.harbormaster.host.cli.VersionProvider;
import dev.harbormaster.host.observability.LoggingSetup;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code harbormaster} command: {@code serve}, {@code check} and {@code review}, plus the
 * commands plugins contribute ({@code harbormaster mirror sync --config FILE --once}: see {@link
 * dev.harbormaster.spi.PluginCommand}). Exit codes: 0 success, 1 denied (review) or invalid config
 * (check, serve), 2 usage error, 3 unreadable input.
 */
@Command(
    name = "harbormaster",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Kubernetes admission host with PF4J plugins.",
    subcommands = {ServeCommand.class, CheckCommand.class, ReviewCommand.class})
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    int code = run(args);
    LoggingSetup.flush();
    System.exit(code);
  }

  /** Runs the command line and returns the exit code (for tests and embedding). */
  public static int run(String... args) {
    return run(
        new PrintWriter(System.out, true, Charset.defaultCharset()),
        new PrintWriter(System.err, true, Charset.defaultCharset()),
        args);
  }

  /** Runs the command line writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    try {
      return execute(out, err, args);
    } finally {
      LoggingSetup.drain(); // the command's log lines are out before its caller goes on
    }
  }

  private static int execute(PrintWriter out, PrintWriter err, String... args) {
    if (args.length > 0 && isPluginCommandWord(args[0])) {
      return new PluginCommandRunner().run(List.of(args), out, err);
    }
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(
        e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.ERROR);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** A first word that is neither an option nor a built-in command names a plugin command. */
  static boolean isPluginCommandWord(String word) {
    return !word.startsWith("-") && !BUILT_IN.contains(word);
  }

  private static final Set<String> BUILT_IN = Set.of("serve", "check", "review", "help");

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing command: use serve, check, review or a plugin command (see --help)");
  }
}
