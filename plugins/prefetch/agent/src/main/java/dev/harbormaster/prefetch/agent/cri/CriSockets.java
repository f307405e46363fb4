package dev.harbormaster.prefetch.agent.cri;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the container runtime's CRI socket is. Nodes differ (containerd, CRI-O), so the agent
 * probes the usual paths unless an operator names one.
 */
public final class CriSockets {
  /** The paths probed, in order: containerd, then CRI-O. */
  public static final List<Path> KNOWN =
      List.of(Path.of("/run/containerd/containerd.sock"), Path.of("/var/run/crio/crio.sock"));

  private CriSockets() {}

  /**
   * The socket to use: {@code override} when given (it must exist), else the first of {@code
   * candidates} that exists.
   *
   * @throws IllegalStateException naming every path tried when none exists
   */
  public static Path locate(Optional<Path> override, List<Path> candidates) {
    if (override.isPresent()) {
      Path p = override.get();
      if (!Files.exists(p)) {
        throw new IllegalStateException("CRI socket " + p + " (--socket) does not exist");
      }
      return p;
    }
    return candidates.stream()
        .filter(Files::exists)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no CRI socket found at "
                        + candidates
                        + "; mount the runtime's socket directory or pass --socket PATH"));
  }
}
