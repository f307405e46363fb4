package dev.harbormaster.prefetch.agent.cli;

import dev.harbormaster.prefetch.agent.cri.CriSockets;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --socket PATH}: the CRI socket; probed at the usual paths when absent. */
final class SocketOption {
  @Option(
      names = "--socket",
      paramLabel = "PATH",
      description =
          "CRI socket (default: first of /run/containerd/containerd.sock, /var/run/crio/crio.sock)")
  Path socket;

  Path locate() {
    return CriSockets.locate(Optional.ofNullable(socket), CriSockets.KNOWN);
  }
}
