package dev.harbormaster.testkit.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the executables of real test peers (docker-registry, nginx, skopeo, containerd, ...).
 *
 * <p>Policy of the project (see {@code notes/test-peers.md}): a test that needs a peer binary must
 * <b>fail</b> when the binary is missing and the environment variable {@code CI=true} is set, and
 * may be <b>skipped</b> otherwise, with a message naming the Debian package to install.
 */
public final class PeerBinaries {

  private PeerBinaries() {}

  /**
   * Returns the absolute path of {@code binary} found on {@code PATH} (or {@code /usr/sbin}, {@code
   * /sbin}, which root's PATH does not always contain).
   *
   * @param binary executable name, e.g. {@code "docker-registry"}
   * @param aptPackage Debian package that provides it, e.g. {@code "docker-registry"}
   * @return the executable
   * @throws AssertionError when missing and {@code CI=true} (the test fails)
   * @throws org.opentest4j.TestAbortedException when missing outside CI (the test is skipped)
   */
  public static Path require(String binary, String aptPackage) {
    Optional<Path> found = find(binary);
    if (found.isPresent()) {
      return found.get();
    }
    return unavailable(
        "test peer binary '"
            + binary
            + "' not found on PATH; install it with: apt-get install -y "
            + aptPackage);
  }

  /**
   * Requires that the JVM runs as root (uid 0), which some peers need (containerd); same policy as
   * {@link #require}: fail under {@code CI=true}, skip otherwise.
   *
   * @param peer what needs root, for the message, e.g. {@code "containerd"}
   */
  public static void requireRoot(String peer) {
    if (!isRoot()) {
      unavailable(peer + " must run as root (uid 0), but this JVM runs as uid " + uid());
    }
  }

  /** True when the JVM runs as uid 0. */
  public static boolean isRoot() {
    return uid() == 0;
  }

  private static long uid() {
    return new com.sun.security.auth.module.UnixSystem().getUid();
  }

  private static <T> T unavailable(String message) {
    if (isCi()) {
      throw new AssertionError(message + " (CI=true, so this test fails instead of skipping)");
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable: Assumptions.abort returned");
  }

  /** Looks {@code binary} up on {@code PATH}, {@code /usr/sbin} and {@code /sbin}. */
  public static Optional<Path> find(String binary) {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin";
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, binary);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /** True when the environment variable {@code CI} is {@code true} (case-insensitive). */
  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
