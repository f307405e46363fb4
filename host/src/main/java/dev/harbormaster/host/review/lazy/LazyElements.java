package dev.harbormaster.host.review.lazy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import tools.jackson.databind.JsonNode;

/**
 * The children list of a {@link LazyArrayNode}: every {@link List} method first reads the elements
 * from the source bytes (once, thread-safe), then works on an ordinary {@link ArrayList}.
 */
final class LazyElements extends LazyContent<List<JsonNode>> implements List<JsonNode> {
  LazyElements(Source source) {
    super(source);
  }

  @Override
  List<JsonNode> read(Source source) {
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
    return content().size();
  }

  @Override
  public boolean isEmpty() {
    return content().isEmpty();
  }

  @Override
  public boolean contains(Object o) {
    return content().contains(o);
  }

  @Override
  public Iterator<JsonNode> iterator() {
    return content().iterator();
  }

  @Override
  public Object[] toArray() {
    return content().toArray();
  }

  @Override
  public <T> T[] toArray(T[] a) {
    return content().toArray(a);
  }

  @Override
  public boolean add(JsonNode e) {
    return content().add(e);
  }

  @Override
  public boolean remove(Object o) {
    return content().remove(o);
  }

  @Override
  public boolean containsAll(Collection<?> c) {
    return content().containsAll(c);
  }

  @Override
  public boolean addAll(Collection<? extends JsonNode> c) {
    return content().addAll(c);
  }

  @Override
  public boolean addAll(int index, Collection<? extends JsonNode> c) {
    return content().addAll(index, c);
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    return content().removeAll(c);
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    return content().retainAll(c);
  }

  @Override
  public void clear() {
    content().clear();
  }

  @Override
  public JsonNode get(int index) {
    return content().get(index);
  }

  @Override
  public JsonNode set(int index, JsonNode element) {
    return content().set(index, element);
  }

  @Override
  public void add(int index, JsonNode element) {
    content().add(index, element);
  }

  @Override
  public JsonNode remove(int index) {
    return content().remove(index);
  }

  @Override
  public int indexOf(Object o) {
    return content().indexOf(o);
  }

  @Override
  public int lastIndexOf(Object o) {
    return content().lastIndexOf(o);
  }

  @Override
  public ListIterator<JsonNode> listIterator() {
    return content().listIterator();
  }

  @Override
  public ListIterator<JsonNode> listIterator(int index) {
    return content().listIterator(index);
  }

  @Override
  public List<JsonNode> subList(int fromIndex, int toIndex) {
    return content().subList(fromIndex, toIndex);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || content().equals(o);
  }

  @Override
  public int hashCode() {
    return content().hashCode();
  }

  @Override
  public String toString() {
    return content().toString();
  }
}
