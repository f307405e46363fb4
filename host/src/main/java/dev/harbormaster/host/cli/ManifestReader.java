package dev.harbormaster.host.cli;

import dev.harbormaster.host.review.AdmissionReviewParser;
import dev.harbormaster.host.review.BadReviewException;
import dev.harbormaster.host.review.Json;
import dev.harbormaster.spi.GroupVersionKind;
import dev.harbormaster.spi.GroupVersionResource;
import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.UserInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the input of {@code harbormaster review}: AdmissionReview JSON, or plain Kubernetes
 * manifests (YAML or JSON, several documents, {@code kind: List} expanded), each manifest wrapped
 * as a CREATE review by an anonymous user with {@code dryRun: true}: an offline review in CI must
 * not warm caches or prefetch images (AdmissionReview files keep their own {@code dryRun}).
 */
final class ManifestReader {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private ManifestReader() {}

  /**
   * Reads every document of one input.
   *
   * @param source file name for messages ({@code -} for stdin)
   * @throws IllegalArgumentException naming the source and document when input is unusable
   */
  static List<Review> read(String source, InputStream in) throws IOException {
    List<Review> reviews = new ArrayList<>();
    int doc = 0;
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(in)) {
      while (docs.hasNextValue()) {
        JsonNode node = docs.nextValue();
        doc++;
        if (node == null || node.isNull() || node.isMissingNode()) continue;
        add(source + " document " + doc, node, reviews);
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          source + ": not valid YAML or JSON: " + e.getOriginalMessage(), e);
    }
    return reviews;
  }

  private static void add(String where, JsonNode node, List<Review> reviews) {
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException(where + ": expected an object, got " + node.getNodeType());
    }
    String kind = object.path("kind").asString("");
    if (kind.equals("AdmissionReview")) {
      try {
        reviews.add(AdmissionReviewParser.fromTree(Json.MAPPER.valueToTree(object)));
      } catch (BadReviewException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      return;
    }
    if (kind.equals("List") && object.path("items").isArray()) {
      for (JsonNode item : object.path("items")) {
        add(where + " item", item, reviews);
      }
      return;
    }
    reviews.add(wrap(where, object, reviews.size() + 1));
  }

  /** Wraps a manifest as a CREATE review. */
  static Review wrap(String where, ObjectNode manifest, int index) {
    String apiVersion = manifest.path("apiVersion").asString("");
    String kind = manifest.path("kind").asString("");
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      throw new IllegalArgumentException(where + ": a manifest needs apiVersion and kind");
    }
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    JsonNode metadata = manifest.path("metadata");
    // Offline there is no discovery: the resource is the conventional lowercase plural.
    String resource = kind.toLowerCase(Locale.ROOT) + (kind.endsWith("s") ? "es" : "s");
    ObjectNode object = Json.MAPPER.valueToTree(manifest);
    return new Review(
        "offline-" + index,
        Operation.CREATE,
        new GroupVersionKind(group, version, kind),
        new GroupVersionResource(group, version, resource),
        Optional.empty(),
        text(metadata, "namespace"),
        text(metadata, "name"),
        UserInfo.anonymous(),
        true,
        Optional.of(object),
        Optional.empty());
  }

  private static Optional<String> text(JsonNode metadata, String field) {
    JsonNode node = metadata.path(field);
    return node.isString() && !node.stringValue().isEmpty()
        ? Optional.of(node.stringValue())
        : Optional.empty();
  }
}
