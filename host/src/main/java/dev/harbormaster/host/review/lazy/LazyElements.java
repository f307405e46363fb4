package dev.harbormaster.host.review.lazy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The children list of a {@link LazyArrayNode}: every {@link List} method first reads the elements
 * from the source bytes (once, thread-safe), then works on an ordinary {@link ArrayList}.
 */
final class LazyElements implements List<JsonNode> {
  private final Source source;
  private volatile List<JsonNode> list;

  LazyElements(Source source) {
    this.source = source;
  }

  /** The bytes, while no element has been read. */
  Optional<Source> untouchedSource() {
    return list == null ? Optional.of(source) : Optional.empty();
  }

  boolean materialized() {
    return list != null;
  }

  private List<JsonNode> list() {
    List<JsonNode> l = list;
    if (l != null) return l;
    synchronized (this) {
      if (list == null) list = read();
      return list;
    }
  }

  private List<JsonNode> read() {
    byte[] src = source.src();
    int to = source.end();
    List<JsonNode> elements = new ArrayList<>();
    int p = JsonScanner.skipWhitespace(src, source.start() + 1, to);
    if (src[p] == ']') return elements;
    while (true) {
      int end = JsonScanner.skipValue(src, p, to, source.index());
      elements.add(Values.node(new Source(src, p, end, source.index())));
      p = JsonScanner.skipWhitespace(src, end, to);
      if (src[p] != ',') return elements; // ']'
      p = JsonScanner.skipWhitespace(src, p + 1, to);
    }
  }

  @Override
  public int size() {
    return list().size();
  }

  @Override
  public boolean isEmpty() {
    return list().isEmpty();
  }

  @Override
  public boolean contains(Object o) {
    return list().contains(o);
  }

  @Override
  public Iterator<JsonNode> iterator() {
    return list().iterator();
  }

  @Override
  public Object[] toArray() {
    return list().toArray();
  }

  @Override
  public <T> T[] toArray(T[] a) {
    return list().toArray(a);
  }

  @Override
  public boolean add(JsonNode e) {
    return list().add(e);
  }

  @Override
  public boolean remove(Object o) {
    return list().remove(o);
  }

  @Override
  public boolean containsAll(Collection<?> c) {
    return list().containsAll(c);
  }

  @Override
  public boolean addAll(Collection<? extends JsonNode> c) {
    return list().addAll(c);
  }

  @Override
  public boolean addAll(int index, Collection<? extends JsonNode> c) {
    return list().addAll(index, c);
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    return list().removeAll(c);
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    return list().retainAll(c);
  }

  @Override
  public void clear() {
    list().clear();
  }

  @Override
  public JsonNode get(int index) {
    return list().get(index);
  }

  @Override
  public JsonNode set(int index, JsonNode element) {
    return list().set(index, element);
  }

  @Override
  public void add(int index, JsonNode element) {
    list().add(index, element);
  }

  @Override
  public JsonNode remove(int index) {
    return list().remove(index);
  }

  @Override
  public int indexOf(Object o) {
    return list().indexOf(o);
  }

  @Override
  public int lastIndexOf(Object o) {
    return list().lastIndexOf(o);
  }

  @Override
  public ListIterator<JsonNode> listIterator() {
    return list().listIterator();
  }

  @Override
  public ListIterator<JsonNode> listIterator(int index) {
    return list().listIterator(index);
  }

  @Override
  public List<JsonNode> subList(int fromIndex, int toIndex) {
    return list().subList(fromIndex, toIndex);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || list().equals(o);
  }

  @Override
  public int hashCode() {
    return list().hashCode();
  }

  @Override
  public String toString() {
    return list().toString();
  }
}
