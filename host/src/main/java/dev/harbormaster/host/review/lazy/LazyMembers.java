package dev.harbormaster.host.review.lazy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The children map of a {@link LazyObjectNode}: every {@link Map} method first reads the members
 * from the source bytes (once, thread-safe), then works on an ordinary {@link LinkedHashMap}, so
 * Jackson's {@code ObjectNode} code runs unchanged on top of it. Nested containers become lazy
 * nodes themselves; a repeated name keeps its first position and its last value, as {@code
 * readTree} does.
 */
final class LazyMembers extends LazyContent<Map<String, JsonNode>>
    implements Map<String, JsonNode> {
  LazyMembers(Source source) {
    super(source);
  }

  @Override
  Map<String, JsonNode> read(Source source) {
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
    return content().size();
  }

  @Override
  public boolean isEmpty() {
    return content().isEmpty();
  }

  @Override
  public boolean containsKey(Object key) {
    return content().containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    return content().containsValue(value);
  }

  @Override
  public JsonNode get(Object key) {
    return content().get(key);
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    return content().put(key, value);
  }

  @Override
  public JsonNode remove(Object key) {
    return content().remove(key);
  }

  @Override
  public void putAll(Map<? extends String, ? extends JsonNode> m) {
    content().putAll(m);
  }

  @Override
  public void clear() {
    content().clear();
  }

  @Override
  public Set<String> keySet() {
    return content().keySet();
  }

  @Override
  public Collection<JsonNode> values() {
    return content().values();
  }

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    return content().entrySet();
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
