package dev.harbormaster.host.tls;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code openssl s_client} as an independent TLS client: the JDK client cannot even offer TLS 1.1,
 * openssl can (at security level 0), so it shows what the server does with an old protocol.
 */
final class OpensslClient {
  private OpensslClient() {}

  /** What one connection attempt printed and how it exited. */
  record Result(int exitCode, String output) {}

  /** Skips (or, with CI=true, fails) when the openssl binary is missing. */
  static void requireInstalled() {
    boolean installed =
        java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "openssl")));
    if (!installed) {
      String message = "openssl not found on PATH; install the Debian package 'openssl'";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
  }

  /**
   * Handshakes with 127.0.0.1:port, verifying against {@code caFile}, using the given protocol
   * flag, e.g. {@code -tls1_1}.
   */
  static Result connect(int port, Path caFile, String protocolFlag)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl", "s_client"));
    command.addAll(
        List.of(
            "-connect",
            "127.0.0.1:" + port,
            protocolFlag,
            "-cipher",
            "DEFAULT@SECLEVEL=0",
            "-brief",
            "-verify_return_error",
            "-CAfile",
            caFile.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("openssl s_client did not finish: " + new String(output, StandardCharsets.UTF_8));
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
