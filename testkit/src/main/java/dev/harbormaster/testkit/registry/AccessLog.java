package dev.harbormaster.testkit.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The access log of a running peer (docker-registry or the nginx Harbor front), read from its file
 * on every call, so tests can count requests by method and path.
 *
 * <p>A peer writes the line right after it sends the response, so a client can see the answer a
 * moment before the line appears: use {@link #awaitCount} when asserting on requests just made.
 *
 * <pre>{@code
 * int before = registry.accessLog().size();
 * client.pull(...);
 * registry.accessLog().awaitCount("GET", "/v2/app/blobs/.*", 2, Duration.ofSeconds(5));
 * assertThat(registry.accessLog().since(before)).extracting(AccessLogEntry::method)...
 * }</pre>
 */
public final class AccessLog {

  private final Path file;

  /** An access log backed by {@code file} (which may not exist yet). */
  public AccessLog(Path file) {
    this.file = file;
  }

  /** The log file. */
  public Path file() {
    return file;
  }

  /** All entries so far, oldest first. */
  public List<AccessLogEntry> entries() {
    try {
      if (!Files.exists(file)) {
        return List.of();
      }
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(AccessLogEntry::parse)
          .flatMap(Optional::stream)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read access log " + file, e);
    }
  }

  /** Number of entries so far; pass it to {@link #since(int)} later to see only new requests. */
  public int size() {
    return entries().size();
  }

  /** Entries after the first {@code mark} entries (see {@link #size()}). */
  public List<AccessLogEntry> since(int mark) {
    List<AccessLogEntry> all = entries();
    return all.subList(Math.min(mark, all.size()), all.size());
  }

  /** Entries with this method whose path (without query) matches the regex {@code pathRegex}. */
  public List<AccessLogEntry> matching(String method, String pathRegex) {
    return entries().stream().filter(e -> e.matches(method, pathRegex)).toList();
  }

  /** Number of entries with this method whose path matches the regex {@code pathRegex}. */
  public long count(String method, String pathRegex) {
    return matching(method, pathRegex).size();
  }

  /**
   * Waits until at least {@code atLeast} matching entries are logged, then returns the count.
   *
   * @throws AssertionError when the count stays lower for {@code timeout}; lists what was logged
   */
  public long awaitCount(String method, String pathRegex, long atLeast, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long count = count(method, pathRegex);
      if (count >= atLeast) {
        return count;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected at least "
                + atLeast
                + " '"
                + method
                + " "
                + pathRegex
                + "' requests in "
                + file
                + " but found "
                + count
                + "; logged: "
                + entries().stream()
                    .map(e -> e.method() + " " + e.uri() + " " + e.status())
                    .toList());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for access log " + file, e);
      }
    }
  }
}
