package dev.harbormaster.host.review.lazy;

import java.util.Arrays;

/**
 * The byte range a lazy container was read from, until its children are materialized.
 *
 * @param src the whole document (never modified)
 * @param start index of the opening bracket
 * @param end index just past the closing bracket
 * @param index where the containers of {@code src} end
 */
record Source(byte[] src, int start, int end, ContainerIndex index) {

  /** Same JSON text: then the trees are equal (parsing is deterministic). */
  boolean sameText(Source other) {
    return (src == other.src && start == other.start && end == other.end)
        || Arrays.equals(src, start, end, other.src, other.start, other.end);
  }
}
