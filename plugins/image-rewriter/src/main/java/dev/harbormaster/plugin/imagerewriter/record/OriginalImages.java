package dev.harbormaster.plugin.imagerewriter.record;

import dev.harbormaster.workload.PodTemplate;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The record of what was rewritten: the annotation {@code harbormaster.dev/original-images} on the
 * pods (a Pod's metadata, a workload's template metadata), a JSON object from container name to the
 * image as originally written, for every container kind (names are unique across a pod's init,
 * regular and ephemeral containers).
 *
 * <p>The value is deterministic (keys sorted, compact) so an unchanged record never shows up in a
 * patch. A rewrite merges into an existing record: entries of containers not rewritten now are
 * kept, so a reinvocation (which finds the images already rewritten) keeps the true originals.
 */
public final class OriginalImages {
  /** The annotation key. */
  public static final String ANNOTATION = "harbormaster.dev/original-images";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final SortedMap<String, String> entries;

  private OriginalImages(SortedMap<String, String> entries) {
    this.entries = entries;
  }

  /**
   * Reads the record of {@code template}.
   *
   * @return the record (empty when there is none), or empty when the annotation is not a JSON
   *     object of strings (it is then replaced on the next write)
   */
  public static Optional<OriginalImages> read(PodTemplate template) {
    String value = template.annotations().get(ANNOTATION);
    SortedMap<String, String> entries = new TreeMap<>();
    if (value == null) {
      return Optional.of(new OriginalImages(entries));
    }
    try {
      JsonNode tree = MAPPER.readTree(value);
      if (!tree.isObject()) {
        return Optional.empty();
      }
      for (Map.Entry<String, JsonNode> e : tree.properties()) {
        if (!e.getValue().isString()) {
          return Optional.empty();
        }
        entries.put(e.getKey(), e.getValue().asString());
      }
      return Optional.of(new OriginalImages(entries));
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /** An empty record. */
  public static OriginalImages empty() {
    return new OriginalImages(new TreeMap<>());
  }

  /** Records {@code original} as the image of container {@code name}, replacing an older entry. */
  public void put(String name, String original) {
    entries.put(name, original);
  }

  /** The original image of container {@code name}, if recorded. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  /** The entries, sorted by container name. */
  public SortedMap<String, String> entries() {
    return java.util.Collections.unmodifiableSortedMap(entries);
  }

  /** The annotation value: compact JSON, keys sorted. */
  public String toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    entries.forEach(node::put);
    return MAPPER.writeValueAsString(node);
  }

  /** Writes the record onto {@code template} (only if the value changes). */
  public void writeTo(PodTemplate template) {
    String json = toJson();
    if (!json.equals(template.annotations().get(ANNOTATION))) {
      template.setAnnotation(ANNOTATION, json);
    }
  }
}
