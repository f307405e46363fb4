package dev.harbormaster.testkit.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory laid out like a Secret volume written by the kubelet's AtomicWriter: the payload
 * lives in {@code ..<timestamp>/}, {@code ..data} is a symlink to it, and each visible file is a
 * symlink {@code tls.crt -> ..data/tls.crt}. {@link #update} replaces the payload the way the
 * kubelet does when the Secret changes: write a new timestamped directory, point {@code ..data_tmp}
 * at it, and rename {@code ..data_tmp} over {@code ..data} (an atomic rename), then delete the old
 * directory.
 *
 * @see <a
 *     href="https://github.com/kubernetes/kubernetes/blob/master/pkg/volume/util/atomic_writer.go">kubelet
 *     atomic_writer.go</a>
 */
public final class SecretVolume {
  private static final String DATA = "..data";
  private static final String DATA_TMP = "..data_tmp";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("'..'yyyy_MM_dd_HH_mm_ss.");

  private final Path dir;

  private SecretVolume(Path dir) {
    this.dir = dir;
  }

  /** Creates {@code dir} (if needed) and writes the initial payload into it. */
  public static SecretVolume create(Path dir, Map<String, byte[]> payload) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SecretVolume volume = new SecretVolume(dir);
    volume.update(payload);
    return volume;
  }

  /** The mount directory. */
  public Path directory() {
    return dir;
  }

  /** The visible path of a key, e.g. {@code <dir>/tls.crt} (a symlink). */
  public Path file(String key) {
    return dir.resolve(key);
  }

  /** The visible paths of {@code tls.crt}, {@code tls.key} and {@code ca.crt}. */
  public TlsFiles tlsFiles() {
    return TlsFiles.in(dir);
  }

  /** Atomically replaces the whole payload, as the kubelet does on a Secret update. */
  public void update(Map<String, byte[]> payload) {
    try {
      Optional<Path> old = currentDataDir();
      String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(TIMESTAMP);
      Path fresh = Files.createTempDirectory(dir, stamp);
      for (Map.Entry<String, byte[]> entry : payload.entrySet()) {
        Files.write(fresh.resolve(entry.getKey()), entry.getValue());
      }
      Path tmpLink = dir.resolve(DATA_TMP);
      Files.deleteIfExists(tmpLink);
      Files.createSymbolicLink(tmpLink, fresh.getFileName());
      Files.move(tmpLink, dir.resolve(DATA), StandardCopyOption.ATOMIC_MOVE);
      for (String key : payload.keySet()) {
        try {
          Files.createSymbolicLink(dir.resolve(key), Path.of(DATA, key));
        } catch (FileAlreadyExistsException alreadyLinked) {
          // the visible symlink already points through ..data
        }
      }
      removeVanishedKeys(payload);
      if (old.isPresent()) {
        deleteRecursively(old.get());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update secret volume " + dir, e);
    }
  }

  private Optional<Path> currentDataDir() throws IOException {
    Path data = dir.resolve(DATA);
    if (!Files.isSymbolicLink(data)) {
      return Optional.empty();
    }
    return Optional.of(dir.resolve(Files.readSymbolicLink(data)));
  }

  private void removeVanishedKeys(Map<String, byte[]> payload) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (!name.startsWith("..") && Files.isSymbolicLink(entry) && !payload.containsKey(name)) {
          Files.delete(entry);
        }
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
