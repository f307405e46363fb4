package dev.harbormaster.host.cli;

import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.observability.LoggingSetup;
import dev.harbormaster.host.runtime.HostServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harbormaster serve [--config FILE]}: the webhook server, until SIGTERM/SIGINT (then a
 * graceful shutdown). Without {@code --config} the embedded default config is used: plain HTTP on
 * 127.0.0.1:8080 with the deny-latest example plugin.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve AdmissionReview requests on /mutate and /validate.")
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Config file (default: the embedded config, plain HTTP on 127.0.0.1:8080).")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    HostServer server;
    try {
      LoadedConfig loaded = ConfigOption.load(Optional.ofNullable(config));
      LoggingSetup.configure(loaded.config().server().logFormat(), LoggingSetup.debugRequested());
      server = HostServer.start(loaded);
    } catch (RuntimeException e) {
      return ProblemPrinter.print(e, err);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdown();
                  stopped.countDown();
                  LoggingSetup.flush(); // the JVM may halt before main() gets to flush
                },
                "harbormaster-shutdown"));
    out.println(server.listeningLine());
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
