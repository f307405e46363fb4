package dev.harbormaster.host.cli;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.http.AdmissionServer;
import dev.harbormaster.host.plugins.BoundInstance;
import dev.harbormaster.host.runtime.HostRuntime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harbormaster check --config FILE}: validates the config, loads the plugin jars and binds
 * every instance's config, without serving. Prints OK or every problem; exits 1 on problems.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Validate a config file, its plugins and their configs without serving.")
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "Config file to check.")
  Path config;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      LoadedConfig loaded = ConfigLoader.load(config);
      AdmissionServer.checkTls(loaded);
      List<BoundInstance> bound = HostRuntime.check(loaded);
      out.println(
          "OK: "
              + loaded.source()
              + ": "
              + bound.size()
              + " instance(s): "
              + String.join(
                  ", ",
                  bound.stream()
                      .map(b -> b.config().name() + " (" + b.config().plugin() + ")")
                      .toList()));
      out.flush();
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      return ProblemPrinter.print(e, spec.commandLine().getErr());
    }
  }
}
