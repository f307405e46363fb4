package dev.harbormaster.host.review.lazy;

import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;

/**
 * An {@link ArrayNode} whose elements are read from the source bytes on first use (see {@link
 * LazyElements}); copies and comparisons of an untouched node use the bytes, as {@link
 * LazyObjectNode} does.
 */
final class LazyArrayNode extends ArrayNode {
  private static final long serialVersionUID = 1L;

  private final LazyElements elements;

  LazyArrayNode(LazyElements elements) {
    super(LazyJson.NODES, elements);
    this.elements = elements;
  }

  LazyElements lazyElements() {
    return elements;
  }

  @Override
  public ArrayNode deepCopy() {
    Optional<Source> untouched = elements.untouchedSource();
    if (untouched.isPresent()) {
      return new LazyArrayNode(new LazyElements(untouched.get()));
    }
    return super.deepCopy();
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) return true;
    if (o instanceof LazyArrayNode other && elements.sameUntouchedText(other.elements)) return true;
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
