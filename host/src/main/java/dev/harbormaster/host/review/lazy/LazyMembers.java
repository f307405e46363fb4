package dev.harbormaster.host.review.lazy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The children map of a {@link LazyObjectNode}: every {@link Map} method first reads the members
 * from the source bytes (once, thread-safe), then works on an ordinary {@link LinkedHashMap}, so
 * Jackson's {@code ObjectNode} code runs unchanged on top of it. Nested containers become lazy
 * nodes themselves; a repeated name keeps its first position and its last value, as {@code
 * readTree} does.
 */
final class LazyMembers implements Map<String, JsonNode> {
  private final Source source;
  private volatile Map<String, JsonNode> map;

  LazyMembers(Source source) {
    this.source = source;
  }

  /** The bytes, while no member has been read. */
  Optional<Source> untouchedSource() {
    return map == null ? Optional.of(source) : Optional.empty();
  }

  boolean materialized() {
    return map != null;
  }

  private Map<String, JsonNode> map() {
    Map<String, JsonNode> m = map;
    if (m != null) return m;
    synchronized (this) {
      if (map == null) map = read();
      return map;
    }
  }

  private Map<String, JsonNode> read() {
    byte[] src = source.src();
    int to = source.end();
    Map<String, JsonNode> members = new LinkedHashMap<>();
    int p = JsonScanner.skipWhitespace(src, source.start() + 1, to);
    if (src[p] == '}') return members;
    while (true) {
      int nameEnd = JsonScanner.skipString(src, p, to);
      String name = Values.string(src, p, nameEnd);
      p = JsonScanner.skipWhitespace(src, nameEnd, to); // at ':'
      int valueStart = JsonScanner.skipWhitespace(src, p + 1, to);
      int valueEnd = JsonScanner.skipValue(src, valueStart, to, source.index());
      members.put(name, Values.node(new Source(src, valueStart, valueEnd, source.index())));
      p = JsonScanner.skipWhitespace(src, valueEnd, to);
      if (src[p] != ',') return members; // '}'
      p = JsonScanner.skipWhitespace(src, p + 1, to);
    }
  }

  @Override
  public int size() {
    return map().size();
  }

  @Override
  public boolean isEmpty() {
    return map().isEmpty();
  }

  @Override
  public boolean containsKey(Object key) {
    return map().containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    return map().containsValue(value);
  }

  @Override
  public JsonNode get(Object key) {
    return map().get(key);
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    return map().put(key, value);
  }

  @Override
  public JsonNode remove(Object key) {
    return map().remove(key);
  }

  @Override
  public void putAll(Map<? extends String, ? extends JsonNode> m) {
    map().putAll(m);
  }

  @Override
  public void clear() {
    map().clear();
  }

  @Override
  public Set<String> keySet() {
    return map().keySet();
  }

  @Override
  public Collection<JsonNode> values() {
    return map().values();
  }

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    return map().entrySet();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || map().equals(o);
  }

  @Override
  public int hashCode() {
    return map().hashCode();
  }

  @Override
  public String toString() {
    return map().toString();
  }
}
