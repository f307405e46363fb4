package dev.harbormaster.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary work directories for peers ({@code /tmp/hm-peer-<name>-*}), deleted when the peer
 * closes unless the system property {@code hm.peers.keep=true} is set (to inspect logs and storage
 * after a failure).
 */
public final class WorkDirs {

  private static final Set<Path> AT_EXIT = ConcurrentHashMap.newKeySet();
  private static boolean hookInstalled;

  private WorkDirs() {}

  /** Creates a fresh temporary directory named after the peer. */
  public static Path create(String peerName) {
    try {
      return Files.createTempDirectory("hm-peer-" + peerName + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work directory for peer " + peerName, e);
    }
  }

  /**
   * Creates a fresh temporary directory that is deleted when the JVM exits (for files that no peer
   * owns, such as written test images).
   */
  public static Path createDeletedAtExit(String name) {
    Path dir = create(name);
    AT_EXIT.add(dir);
    installHook();
    return dir;
  }

  private static synchronized void installHook() {
    if (!hookInstalled) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> AT_EXIT.forEach(WorkDirs::deleteQuietly), "testkit-workdir-cleanup"));
      hookInstalled = true;
    }
  }

  /** Deletes {@code dir} recursively (best effort) unless {@code hm.peers.keep=true}. */
  public static void deleteQuietly(Path dir) {
    if (Boolean.getBoolean("hm.peers.keep") || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // best effort: a leftover temp file must not fail a test
                }
              });
    } catch (IOException | UncheckedIOException ignored) {
      // best effort
    }
  }
}
