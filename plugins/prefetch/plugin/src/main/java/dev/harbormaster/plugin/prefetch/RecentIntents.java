package dev.harbormaster.plugin.prefetch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last intents written or failed, newest first, bounded: for the status document. */
final class RecentIntents {
  /**
   * One write.
   *
   * @param name the ImagePrefetch name
   * @param owner the workload, {@code Kind namespace/name}
   * @param images how many images
   * @param outcome {@code written}, {@code retrying} or {@code failed}
   * @param detail the error, empty when written
   * @param at when
   */
  record Entry(String name, String owner, int images, String outcome, String detail, String at) {}

  private final int capacity;
  private final Deque<Entry> entries = new ArrayDeque<>();

  RecentIntents(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(Entry e) {
    entries.addFirst(e);
    while (entries.size() > capacity) {
      entries.removeLast();
    }
  }

  synchronized List<Entry> list() {
    return List.copyOf(entries);
  }
}
