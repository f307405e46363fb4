package dev.harbormaster.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerProcessTest {

  @TempDir Path dir;

  @Test
  void awaitReady_reportsEarlyExit_withExitCodeAndLogTail() {
    try (PeerProcess process =
        PeerProcess.start(
            "crashing", dir, List.of("sh", "-c", "echo started; echo boom >&2; exit 3"))) {
      assertThatThrownBy(
              () -> process.awaitReady(ReadinessCheck.tcpPort(1), Duration.ofSeconds(20)))
          .isInstanceOf(PeerStartException.class)
          .hasMessageContaining("peer 'crashing'")
          .hasMessageContaining("exited with code 3")
          .hasMessageContaining("started")
          .hasMessageContaining("boom");
    }
  }

  @Test
  void awaitReady_timesOut_namingTheProbe() {
    int port = FreePorts.allocate();
    try (PeerProcess process =
        PeerProcess.start("sleeper", dir, List.of("sh", "-c", "echo waiting; sleep 30"))) {
      assertThatThrownBy(
              () -> process.awaitReady(ReadinessCheck.tcpPort(port), Duration.ofMillis(300)))
          .isInstanceOf(PeerStartException.class)
          .hasMessageContaining("not ready after PT0.3S")
          .hasMessageContaining("TCP connect 127.0.0.1:" + port)
          .hasMessageContaining("waiting");
    }
  }

  @Test
  void awaitReady_returnsOnceThePortAnswers() throws Exception {
    try (ServerSocket socket = new ServerSocket(0);
        PeerProcess process = PeerProcess.start("sleeper", dir, List.of("sleep", "30"))) {
      assertThat(
              process.awaitReady(
                  ReadinessCheck.tcpPort(socket.getLocalPort()), Duration.ofSeconds(10)))
          .isSameAs(process);
      assertThat(process.isAlive()).isTrue();
    }
  }

  @Test
  void lostPortRace_recognisesBindFailuresInTheLogs() {
    try (PeerProcess process =
        PeerProcess.start(
            "binder",
            dir,
            List.of(
                "sh",
                "-c",
                "echo 'listen tcp 127.0.0.1:5000: bind: address already in use' >&2"))) {
      assertThatThrownBy(
              () -> process.awaitReady(ReadinessCheck.tcpPort(1), Duration.ofSeconds(20)))
          .isInstanceOf(PeerStartException.class);
      assertThat(process.lostPortRace()).isTrue();
    }
  }

  @Test
  void close_stopsTheProcessByPid_evenWhenItIgnoresSigterm() {
    PeerProcess process =
        PeerProcess.start("stubborn", dir, List.of("sh", "-c", "trap '' TERM; sleep 60 & wait"));
    long pid = process.pid();

    process.close();

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
        .isNotEqualTo(java.util.Optional.of(true));
    assertThat(process.stdoutLog()).isEqualTo(dir.resolve("stubborn.stdout.log"));
  }
}
