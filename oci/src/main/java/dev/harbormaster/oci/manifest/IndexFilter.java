package dev.harbormaster.oci.manifest;

import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps only some entries of an index. The result is a NEW index: its bytes and therefore its
 * digest differ from the source's, so references by digest to the original index do not resolve to
 * it (only a whole-index copy is byte-identical). All other fields are kept.
 */
public final class IndexFilter {
  private IndexFilter() {}

  /**
   * The index {@code index} with only the entries {@code keep} accepts.
   *
   * @throws IllegalArgumentException if {@code index} is not an index
   */
  public static ManifestBytes keep(ManifestBytes index, Predicate<Descriptor> keep) {
    if (!index.isIndex()) {
      throw new IllegalArgumentException(index.digest() + " is not an index: " + index.mediaType());
    }
    ObjectNode root = (ObjectNode) ManifestParser.JSON.readTree(index.bytes());
    ArrayNode entries = (ArrayNode) root.path("manifests");
    ArrayNode kept = root.arrayNode();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      if (keep.test(ManifestParser.descriptor(entry, "manifests[" + i + "]"))) {
        kept.add(entry);
      }
    }
    root.set("manifests", kept);
    return ManifestBytes.of(ManifestParser.JSON.writeValueAsBytes(root), index.mediaType());
  }
}
