package dev.harbormaster.prefetch.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code harbormaster-agent}: the prefetch node agent.
 *
 * <pre>
 * harbormaster-agent run [--socket PATH] [--node NAME] [--namespace NS]
 * harbormaster-agent pull --socket PATH [--auth-file config.json] IMAGE...
 * harbormaster-agent images --socket PATH
 * </pre>
 */
@Command(
    name = "harbormaster-agent",
    mixinStandardHelpOptions = true,
    description =
        "Harbormaster prefetch node agent: pulls images through the CRI before pods need them.",
    subcommands = {RunCommand.class, PullCommand.class, ImagesCommand.class})
public final class AgentMain {

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, with operator errors (bad socket, bad auth file) printed as one line. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new AgentMain());
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          if (e instanceof IllegalArgumentException
              || e instanceof IllegalStateException
              || e instanceof java.io.IOException) {
            line.getErr().println("harbormaster-agent: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cli;
  }
}
