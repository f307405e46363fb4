package dev.harbormaster.testkit.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The access log of a running peer (docker-registry or the nginx Harbor front), read from its file
 * on every call, so tests can count requests by method and path.
 *
 * <p>A peer writes the line right after it sends the response, so a client can see the answer a
 * moment before the line appears. When the log knows its peer's address, every read first sends the
 * peer a marker request ({@code GET /_access_log_sync/<n>}, answered 404 and left out of the
 * entries) and waits for its line: lines of requests answered before the read are then in the file
 * (nginx here runs one worker and logs in order; docker-registry logs each request as its handler
 * returns, well before a new request can make the round trip). Use {@link #awaitCount} for requests
 * a peer makes or answers in the background.
 *
 * <pre>{@code
 * int before = registry.accessLog().size();
 * client.pull(...);
 * registry.accessLog().awaitCount("GET", "/v2/app/blobs/.*", 2, Duration.ofSeconds(5));
 * assertThat(registry.accessLog().since(before)).extracting(AccessLogEntry::method)...
 * }</pre>
 */
public final class AccessLog {

  private static final String MARKER_PATH = "/_access_log_sync/";
  private static final Duration MARKER_WAIT = Duration.ofSeconds(10);
  private static final AtomicLong MARKERS = new AtomicLong();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final Path file;
  private final Optional<URI> peer;

  /** An access log backed by {@code file} (which may not exist yet), read as it is. */
  public AccessLog(Path file) {
    this(file, Optional.empty());
  }

  /**
   * An access log backed by {@code file} that {@code peer} ({@code http://host:port}) writes; every
   * read first waits for the lines of requests already answered (see the class comment).
   */
  public AccessLog(Path file, URI peer) {
    this(file, Optional.of(peer));
  }

  private AccessLog(Path file, Optional<URI> peer) {
    this.file = file;
    this.peer = peer;
  }

  /** The log file. */
  public Path file() {
    return file;
  }

  /** All entries so far, oldest first (without the marker requests). */
  public List<AccessLogEntry> entries() {
    peer.ifPresent(this::sync);
    return lines().stream()
        .map(AccessLogEntry::parse)
        .flatMap(Optional::stream)
        .filter(e -> !e.path().startsWith(MARKER_PATH))
        .toList();
  }

  private List<String> lines() {
    try {
      return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read access log " + file, e);
    }
  }

  /** Sends a marker request and waits until its line is logged (a stopped peer has nothing due). */
  private void sync(URI base) {
    String marker = MARKER_PATH + ProcessHandle.current().pid() + "-" + MARKERS.incrementAndGet();
    try {
      CLIENT.send(
          HttpRequest.newBuilder(base.resolve(marker)).timeout(MARKER_WAIT).GET().build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      return; // not listening: every request it answered is logged
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while syncing access log " + file, e);
    }
    String needle = " " + marker + " ";
    long deadline = System.nanoTime() + MARKER_WAIT.toNanos();
    while (lines().stream().noneMatch(l -> l.contains(needle))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the marker request " + marker + " to " + base + " never appeared in " + file);
      }
      pause(2);
    }
  }

  private void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while reading access log " + file, e);
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
      pause(20);
    }
  }
}
