package dev.harbormaster.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessReaperTest {

  @TempDir Path dir;

  /** Run in a child JVM: starts a peer and exits without closing it. */
  public static final class ForgetfulTestRun {
    public static void main(String[] args) throws Exception {
      PeerProcess peer = PeerProcess.start("forgotten", Path.of(args[0]), List.of("sleep", "300"));
      Files.writeString(Path.of(args[0], "pid"), Long.toString(peer.pid()));
      System.exit(0);
    }
  }

  @Test
  void shutdownHook_stopsPeersATestRunForgotToClose() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    CommandResult run =
        Command.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ForgetfulTestRun.class.getName(),
                dir.toString())
            .withTimeout(Duration.ofMinutes(1))
            .run()
            .orThrow();

    long pid = Long.parseLong(Files.readString(dir.resolve("pid")).strip());
    Optional<ProcessHandle> peer = ProcessHandle.of(pid);
    assertThat(run.exitCode()).isZero();
    assertThat(peer.map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
  }
}
