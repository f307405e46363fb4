package dev.harbormaster.host.review.lazy;

import java.util.Arrays;

/**
 * Where each object and array of a validated document ends, recorded by {@link JsonScanner#index}:
 * lazy nodes find the end of a nested container with a binary search instead of scanning it again
 * (on a Deployment review, reading {@code request} would otherwise rescan {@code object} and {@code
 * oldObject}, 13 KB, after validation already did).
 *
 * <p>Containers are recorded in the order they open, so the starts are ascending.
 */
final class ContainerIndex {
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int count;

  /** Records a container opening at {@code start}; returns its slot for {@link #close}. */
  int open(int start) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
    starts[count] = start;
    return count++;
  }

  /** Records that the container in {@code slot} ends just before {@code end}. */
  void close(int slot, int end) {
    ends[slot] = end;
  }

  /** Index just past the container opening at {@code start}, or -1 when none was recorded. */
  int endOf(int start) {
    int found = Arrays.binarySearch(starts, 0, count, start);
    return found >= 0 ? ends[found] : -1;
  }

  /** Number of containers recorded. */
  int size() {
    return count;
  }
}
