package dev.harbormaster.testkit.registry;

import dev.harbormaster.testkit.process.FreePorts;
import dev.harbormaster.testkit.process.PeerBinaries;
import dev.harbormaster.testkit.process.PeerProcess;
import dev.harbormaster.testkit.process.PeerStartException;
import dev.harbormaster.testkit.process.ReadinessCheck;
import dev.harbormaster.testkit.process.WorkDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts {@code docker-registry serve <config>} and waits for {@code GET /v2/}. Ports come from
 * {@link FreePorts}; another JVM (parallel builds share this machine) can take a port between
 * allocation and bind, so a start that fails with "address already in use" is retried on a new
 * port.
 */
final class RegistryLauncher {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final int ATTEMPTS = 3;

  private RegistryLauncher() {}

  /** A started registry process with its port. */
  record Launched(
      int port, Path workDir, Path storage, List<String> command, PeerProcess process) {}

  static Launched launch(RegistryConfig.Template template) {
    Path binary = PeerBinaries.require("docker-registry", "docker-registry");
    Path workDir = WorkDirs.create("registry");
    Path storage = workDir.resolve("data");
    try {
      Files.createDirectories(storage);
      for (int attempt = 1; ; attempt++) {
        int port = FreePorts.allocate();
        Path config = template.at(port, storage).write(workDir);
        List<String> command = List.of(binary.toString(), "serve", config.toString());
        PeerProcess process = PeerProcess.start("registry", workDir, command);
        try {
          awaitReady(process, port);
          return new Launched(port, workDir, storage, command, process);
        } catch (PeerStartException e) {
          process.close();
          if (attempt == ATTEMPTS || !process.lostPortRace()) {
            WorkDirs.deleteQuietly(workDir);
            throw e;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare registry in " + workDir, e);
    }
  }

  /** Starts the same command again (same port, config and storage). */
  static PeerProcess relaunch(Launched launched) {
    PeerProcess process = PeerProcess.start("registry", launched.workDir(), launched.command());
    try {
      awaitReady(process, launched.port());
      return process;
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  private static void awaitReady(PeerProcess process, int port) {
    process.awaitReady(
        ReadinessCheck.httpGet(URI.create("http://127.0.0.1:" + port + "/v2/")), START_TIMEOUT);
  }
}
