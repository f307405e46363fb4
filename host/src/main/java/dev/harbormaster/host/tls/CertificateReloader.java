package dev.harbormaster.host.tls;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back when the contents of the TLS files change. The kubelet updates a mounted Secret by
 * renaming a new {@code ..data} symlink over the old one, so the files themselves never see an
 * inode event; this class therefore watches their directories (WatchService) and also polls, and in
 * both cases compares a SHA-256 over the files' contents (following symlinks) with the last one
 * seen. Each distinct content is handed to the callback once: content that fails to load is retried
 * only after the files change again.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/concepts/configuration/secret/#mounted-secrets-are-updated-automatically">Mounted
 *     Secrets are updated automatically</a>
 */
final class CertificateReloader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CertificateReloader.class);

  /** Lets a writer finish the files it is replacing one after another before we read them. */
  private static final Duration SETTLE = Duration.ofMillis(200);

  private final List<Path> files;
  private final Runnable onChange;
  private final Duration pollInterval;
  private final Optional<WatchService> watcher;
  private final Thread thread;
  private volatile boolean running = true;
  private String lastDigest;

  /**
   * Starts watching; {@code seenDigest} is the {@link #digest} the caller has already loaded, read
   * before it loaded the files so that a change during that load is noticed.
   */
  CertificateReloader(
      List<Path> files, String seenDigest, Duration pollInterval, Runnable onChange) {
    this.files = List.copyOf(files);
    this.lastDigest = seenDigest;
    this.pollInterval = pollInterval;
    this.onChange = onChange;
    this.watcher = watchDirectories(files);
    this.thread = Thread.ofPlatform().daemon().name("harbormaster-tls-reloader").start(this::run);
  }

  /** A SHA-256 over the names and contents of {@code files}; a missing file counts as content. */
  static String digest(List<Path> files) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (Path file : files) {
        sha256.update(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
          byte[] content = Files.readAllBytes(file);
          sha256.update(Integer.toString(content.length).getBytes());
          sha256.update(content);
        } catch (IOException unreadable) {
          sha256.update(("unreadable: " + unreadable.getClass().getSimpleName()).getBytes());
        }
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private void run() {
    while (running) {
      try {
        if (waitForEvent()) {
          Thread.sleep(SETTLE);
          drainEvents();
        }
        String digest = digest(files);
        if (!digest.equals(lastDigest)) {
          lastDigest = digest;
          onChange.run();
        }
      } catch (InterruptedException | ClosedWatchServiceException stop) {
        return;
      } catch (RuntimeException e) {
        LOG.error("TLS reload check failed; will retry on the next change", e);
      }
    }
  }

  /** Waits up to one poll interval; true when a directory reported an event. */
  private boolean waitForEvent() throws InterruptedException {
    if (watcher.isEmpty()) {
      Thread.sleep(pollInterval);
      return false;
    }
    WatchKey key = watcher.get().poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    if (key == null) {
      return false;
    }
    key.pollEvents();
    key.reset();
    return true;
  }

  private void drainEvents() {
    watcher.ifPresent(
        service -> {
          for (WatchKey key = service.poll(); key != null; key = service.poll()) {
            key.pollEvents();
            key.reset();
          }
        });
  }

  private static Optional<WatchService> watchDirectories(List<Path> files) {
    Set<Path> directories = new LinkedHashSet<>();
    files.forEach(file -> directories.add(file.getParent()));
    try {
      WatchService service = FileSystems.getDefault().newWatchService();
      for (Path directory : directories) {
        directory.register(
            service,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY);
      }
      return Optional.of(service);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cannot watch {} for TLS file changes ({}); polling only", directories, e.toString());
      return Optional.empty();
    }
  }

  /** True while the watcher thread runs. */
  boolean isRunning() {
    return thread.isAlive();
  }

  /** Stops the watcher thread. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    watcher.ifPresent(
        service -> {
          try {
            service.close();
          } catch (IOException e) {
            LOG.debug("closing the TLS file watcher", e);
          }
        });
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
