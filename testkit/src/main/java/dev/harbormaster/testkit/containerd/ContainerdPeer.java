package dev.harbormaster.testkit.containerd;

import dev.harbormaster.testkit.process.Command;
import dev.harbormaster.testkit.process.CommandResult;
import dev.harbormaster.testkit.process.PeerBinaries;
import dev.harbormaster.testkit.process.PeerProcess;
import dev.harbormaster.testkit.process.ReadinessCheck;
import dev.harbormaster.testkit.process.WorkDirs;
import dev.harbormaster.testkit.registry.RegistryPeer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A private containerd 1.6 (Debian's {@code containerd}) with its CRI plugin, run as root with
 * root, state, socket and {@code certs.d} under a temporary directory; stopped by PID on {@link
 * #close()}. The node agent's CRI client talks to {@link #socket()}; {@link #ctr} cross-checks.
 *
 * <pre>{@code
 * try (RegistryPeer registry = RegistryPeer.startPlain();
 *     ContainerdPeer containerd = ContainerdPeer.start()) {
 *   containerd.trustPlainHttp(registry);            // certs.d/<host>/hosts.toml, used by CRI pulls
 *   containerd.pullPlainHttp(registry.imageRef("app:v1"));   // ctr images pull --plain-http
 *   assertThat(containerd.imageNames()).contains(registry.imageRef("app:v1"));
 *   String grpcTarget = "unix://" + containerd.socket();
 * }
 * }</pre>
 *
 * <p>In a JUnit class: {@code containerd = peers.manage(ContainerdPeer.start())} with a {@link
 * dev.harbormaster.testkit.registry.RegistryPeers} extension stops it after the class. Starting
 * takes about a second.
 *
 * <p>Needs the {@code containerd} package and uid 0: under {@code CI=true} a missing binary or a
 * non-root JVM fails the test, elsewhere it is skipped.
 *
 * @see <a href="https://github.com/kubernetes/cri-api">CRI API</a>
 */
public final class ContainerdPeer implements AutoCloseable {

  /** The namespace the CRI plugin uses, and {@link #ctr} passes with {@code -n}. */
  public static final String CRI_NAMESPACE = "k8s.io";

  private static final Pattern CRI_OK =
      Pattern.compile("(?m)^io\\.containerd\\.grpc\\.v1\\s+cri\\s+\\S+\\s+ok\\s*$");

  private final Path workDir;
  private final Path socket;
  private final Path config;
  private final Path certsDir;
  private final Path ctrBinary;
  private final PeerProcess process;

  private ContainerdPeer(
      Path workDir, Path socket, Path config, Path certsDir, Path ctrBinary, PeerProcess process) {
    this.workDir = workDir;
    this.socket = socket;
    this.config = config;
    this.certsDir = certsDir;
    this.ctrBinary = ctrBinary;
    this.process = process;
  }

  /**
   * Writes the config from {@code containerd config default}, starts containerd and waits until the
   * socket answers and {@code ctr plugins ls} lists {@code io.containerd.grpc.v1 cri ... ok}.
   */
  public static ContainerdPeer start() {
    Path containerd = PeerBinaries.require("containerd", "containerd");
    Path ctr = PeerBinaries.require("ctr", "containerd");
    PeerBinaries.requireRoot("containerd");
    Path workDir = WorkDirs.create("containerd");
    Path socket = workDir.resolve("containerd.sock");
    Path certsDir = workDir.resolve("certs.d");
    Path config = workDir.resolve("config.toml");
    try {
      Files.createDirectories(certsDir);
      String defaults =
          Command.of(containerd.toString(), "config", "default").run().orThrow().stdoutText();
      Files.writeString(
          config,
          ContainerdConfig.rewrite(
              defaults, workDir.resolve("root"), workDir.resolve("state"), socket, certsDir),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write containerd config in " + workDir, e);
    }
    PeerProcess process =
        PeerProcess.start(
            "containerd", workDir, List.of(containerd.toString(), "--config", config.toString()));
    ContainerdPeer peer = new ContainerdPeer(workDir, socket, config, certsDir, ctr, process);
    try {
      process.awaitReady(ReadinessCheck.unixSocket(socket), Duration.ofSeconds(30));
      process.awaitReady(
          ReadinessCheck.of(
              "`ctr plugins ls` shows io.containerd.grpc.v1 cri ok",
              () -> CRI_OK.matcher(peer.ctr("plugins", "ls").stdoutText()).find()),
          Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      peer.close();
      throw e;
    }
    return peer;
  }

  /** The containerd gRPC socket (CRI and containerd API); a gRPC target is {@code unix://} + it. */
  public Path socket() {
    return socket;
  }

  /** The generated {@code config.toml}. */
  public Path configFile() {
    return config;
  }

  /** The CRI plugin's {@code registry.config_path}: one {@code <host>/hosts.toml} per registry. */
  public Path certsDir() {
    return certsDir;
  }

  /** The work directory (root, state, socket, config, logs). */
  public Path workDir() {
    return workDir;
  }

  /** The containerd process; its stderr log holds containerd's own log. */
  public PeerProcess process() {
    return process;
  }

  /**
   * Lets CRI pulls use plain HTTP for {@code registry}: writes {@code
   * certs.d/127.0.0.1:PORT/hosts.toml} (read at every pull, so no restart is needed).
   */
  public void trustPlainHttp(RegistryPeer registry) {
    trustPlainHttp(registry.host());
  }

  /** Like {@link #trustPlainHttp(RegistryPeer)} for any {@code host:port}. */
  public void trustPlainHttp(String host) {
    try {
      Path dir = certsDir.resolve(host);
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("hosts.toml"), ContainerdConfig.plainHttpHosts(host), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write hosts.toml for " + host, e);
    }
  }

  /**
   * Runs {@code ctr -a <socket> -n k8s.io <args>} and returns the result (non-zero exits are not
   * thrown: call {@link CommandResult#orThrow()}).
   */
  public CommandResult ctr(String... args) {
    List<String> command = new ArrayList<>();
    command.addAll(List.of(ctrBinary.toString(), "-a", socket.toString(), "-n", CRI_NAMESPACE));
    command.addAll(Arrays.asList(args));
    return Command.of(command).run();
  }

  /** {@code ctr images pull --plain-http <ref>}; throws with ctr's stderr on failure. */
  public void pullPlainHttp(String imageRef) {
    ctr("images", "pull", "--plain-http", imageRef).orThrow();
  }

  /** Names of the images in the {@code k8s.io} namespace ({@code ctr images ls -q}). */
  public List<String> imageNames() {
    return ctr("images", "ls", "-q")
        .orThrow()
        .stdoutText()
        .lines()
        .filter(l -> !l.isBlank())
        .toList();
  }

  /** Stops containerd and deletes its work directory (unless {@code -Dhm.peers.keep=true}). */
  @Override
  public void close() {
    process.close();
    WorkDirs.deleteQuietly(workDir);
  }
}
