package dev.harbormaster.prefetch.agent.pull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Refuses pulls while the image filesystem has less free space than a threshold, so that
 * prefetching never fills a node's disk (kubelet would then garbage-collect images, possibly the
 * prefetched ones). The CRI's {@code ImageFsInfo} reports used bytes only, so free space is read
 * from the filesystem itself, mounted read-only into the agent.
 */
@FunctionalInterface
public interface DiskGuard {

  /** Why a pull must wait now, or empty when there is room. */
  Optional<String> refusal();

  /** No guard. */
  static DiskGuard none() {
    return Optional::empty;
  }

  /**
   * A guard over {@code freeBytes}: refuses while it is below {@code minFreeBytes}.
   *
   * @param where names the filesystem in the refusal
   */
  static DiskGuard of(LongSupplier freeBytes, long minFreeBytes, String where) {
    return () -> {
      long free = freeBytes.getAsLong();
      return free < minFreeBytes
          ? Optional.of(
              "image filesystem "
                  + where
                  + " has "
                  + free
                  + " bytes free, below the threshold of "
                  + minFreeBytes)
          : Optional.empty();
    };
  }

  /**
   * A guard over the filesystem holding {@code path} (e.g. {@code /var/lib/containerd}).
   *
   * @throws IOException when the path cannot be read
   */
  static DiskGuard freeSpace(Path path, long minFreeBytes) throws IOException {
    var store = Files.getFileStore(path);
    return of(
        () -> {
          try {
            return store.getUsableSpace();
          } catch (IOException e) {
            return Long.MAX_VALUE; // cannot tell: do not block pulls on a broken probe
          }
        },
        minFreeBytes,
        path.toString());
  }
}
