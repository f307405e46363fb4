package dev.harbormaster.host.review.lazy;

import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@link ObjectNode} whose members are read from the source bytes on first use (see {@link
 * LazyMembers}). Copies and comparisons of an untouched node use the bytes: a copy is another lazy
 * node over the same range, and two untouched nodes with the same text are equal without parsing.
 */
final class LazyObjectNode extends ObjectNode {
  private static final long serialVersionUID = 1L;

  LazyObjectNode(LazyMembers members) {
    super(LazyJson.NODES, members);
  }

  LazyMembers lazyMembers() {
    return (LazyMembers) _children;
  }

  @Override
  public ObjectNode deepCopy() {
    Optional<Source> untouched = lazyMembers().untouchedSource();
    if (untouched.isPresent()) {
      return new LazyObjectNode(new LazyMembers(untouched.get()));
    }
    return super.deepCopy();
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) return true;
    if (o instanceof LazyObjectNode other && lazyMembers().sameUntouchedText(other.lazyMembers()))
      return true;
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
