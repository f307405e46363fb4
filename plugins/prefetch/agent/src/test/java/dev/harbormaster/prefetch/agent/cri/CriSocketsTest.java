package dev.harbormaster.prefetch.agent.cri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriSocketsTest {
  @TempDir Path dir;

  @Test
  void probesCandidatesInOrder_andTakesTheFirstThatExists() throws Exception {
    Path containerd = dir.resolve("containerd.sock");
    Path crio = Files.createFile(dir.resolve("crio.sock"));
    assertThat(CriSockets.locate(Optional.empty(), List.of(containerd, crio))).isEqualTo(crio);
    Files.createFile(containerd);
    assertThat(CriSockets.locate(Optional.empty(), List.of(containerd, crio)))
        .isEqualTo(containerd);
  }

  @Test
  void anOverrideWins_butMustExist() throws Exception {
    Path crio = Files.createFile(dir.resolve("crio.sock"));
    Path custom = Files.createFile(dir.resolve("custom.sock"));
    assertThat(CriSockets.locate(Optional.of(custom), List.of(crio))).isEqualTo(custom);
    assertThatThrownBy(
            () -> CriSockets.locate(Optional.of(dir.resolve("gone.sock")), List.of(crio)))
        .hasMessageContaining("gone.sock")
        .hasMessageContaining("--socket");
  }

  @Test
  void noSocketAnywhere_namesEveryPathTried() {
    assertThatThrownBy(() -> CriSockets.locate(Optional.empty(), CriSockets.KNOWN))
        .hasMessageContaining("/run/containerd/containerd.sock")
        .hasMessageContaining("/var/run/crio/crio.sock");
  }
}
