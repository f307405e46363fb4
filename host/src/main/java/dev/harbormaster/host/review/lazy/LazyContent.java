package dev.harbormaster.host.review.lazy;

import java.util.Optional;

/**
 * The children of a lazy container ({@link LazyMembers}, {@link LazyElements}): read from the
 * source bytes on first use, once, safely when several threads ask at the same time (validating
 * instances read one review concurrently).
 *
 * @param <T> the collection the children are read into
 */
abstract class LazyContent<T> {
  private final Source source;
  private volatile T content;

  LazyContent(Source source) {
    this.source = source;
  }

  /** Reads the children from {@code source}. */
  abstract T read(Source source);

  /** The children, read on the first call. */
  final T content() {
    T c = content;
    if (c != null) return c;
    synchronized (this) {
      if (content == null) content = read(source);
      return content;
    }
  }

  /** The bytes, while no child has been read. */
  final Optional<Source> untouchedSource() {
    return content == null ? Optional.of(source) : Optional.empty();
  }

  final boolean materialized() {
    return content != null;
  }

  /**
   * True when neither side has been read and both have the same JSON text: then the trees are
   * equal, without reading them.
   */
  final boolean sameUntouchedText(LazyContent<?> other) {
    return content == null && other.content == null && source.sameText(other.source);
  }
}
