package dev.harbormaster.plugin.mirrorsync.plan;

import dev.harbormaster.oci.digest.Digest;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What is known of the target: for each target tag, the source digest it was copied from, the
 * digest it has in the target (equal unless platforms are filtered) and when that was last seen.
 * Entries older than {@code maxAge} are stale: the planner checks them with a {@code HEAD}. Only
 * verified copies and observed target digests are recorded, so a copy killed half-way leaves no
 * entry. Optionally saved to a JSON file so that a new process (the command line) needs no target
 * request for tags it knows.
 */
public final class TargetState {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * One known target tag.
   *
   * @param source the source digest the tag was copied from
   * @param target the digest the target tag has
   * @param checkedAt when this was last verified
   */
  public record Known(Digest source, Digest target, Instant checkedAt) {}

  private final Map<String, Known> known = new ConcurrentHashMap<>();
  private final Duration maxAge;
  private final Optional<Path> file;

  /** In-memory state (the file, when given, is read now and written by {@link #save}). */
  public TargetState(Duration maxAge, Optional<Path> file) {
    this.maxAge = maxAge;
    this.file = file;
    file.ifPresent(this::load);
  }

  /** The entry of {@code targetTag} if it is younger than the maximum age. */
  public Optional<Known> fresh(String targetTag, Instant now) {
    Known k = known.get(targetTag);
    if (k == null || k.checkedAt().plus(maxAge).isBefore(now)) {
      return Optional.empty();
    }
    return Optional.of(k);
  }

  /** The entry of {@code targetTag}, however old. */
  public Optional<Known> any(String targetTag) {
    return Optional.ofNullable(known.get(targetTag));
  }

  /** Records that {@code targetTag} holds {@code target}, copied from {@code source}. */
  public void record(String targetTag, Digest source, Digest target, Instant at) {
    known.put(targetTag, new Known(source, target, at));
  }

  /** Forgets {@code targetTag} (it was found missing or different). */
  public void forget(String targetTag) {
    known.remove(targetTag);
  }

  /** Number of known tags. */
  public int size() {
    return known.size();
  }

  /** Writes the state file atomically, if one is configured. */
  public synchronized void save() throws IOException {
    if (file.isEmpty()) {
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    ObjectNode entries = root.putObject("tags");
    new TreeMap<>(known)
        .forEach(
            (tag, k) ->
                entries
                    .putObject(tag)
                    .put("source", k.source().toString())
                    .put("target", k.target().toString())
                    .put("checkedAt", k.checkedAt().toString()));
    Path path = file.get();
    Path dir = path.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
    Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    try {
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void load(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return; // first run
    } catch (IOException e) {
      throw new IllegalArgumentException("sync.stateFile: cannot read " + path + ": " + e, e);
    }
    try {
      JsonNode tags = JSON.readTree(bytes).path("tags");
      for (Map.Entry<String, JsonNode> e : tags.properties()) {
        JsonNode k = e.getValue();
        known.put(
            e.getKey(),
            new Known(
                Digest.parse(k.path("source").asString()),
                Digest.parse(k.path("target").asString()),
                Instant.parse(k.path("checkedAt").asString())));
      }
    } catch (RuntimeException e) { // JacksonException, bad digests and times
      throw new IllegalArgumentException(
          "sync.stateFile: "
              + path
              + " is not a mirror-sync state file ("
              + e.getMessage()
              + "); delete it to start afresh",
          e);
    }
  }
}
