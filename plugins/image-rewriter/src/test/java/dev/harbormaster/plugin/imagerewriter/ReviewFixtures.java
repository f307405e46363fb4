package dev.harbormaster.plugin.imagerewriter;

import dev.harbormaster.spi.GroupVersionKind;
import dev.harbormaster.spi.GroupVersionResource;
import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.UserInfo;
import dev.harbormaster.spi.config.ConfigBinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads AdmissionReview v1 fixtures from {@code reviews/} into the {@link Review} a plugin receives
 * (raw trees, absent values empty), golden files from {@code golden/}, and config fixtures from
 * {@code config/} bound exactly as the host binds them.
 */
final class ReviewFixtures {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ReviewFixtures() {}

  static Review load(String name) {
    JsonNode request = read("/reviews/" + name).required("request");
    return new Review(
        request.required("uid").asString(),
        Operation.valueOf(request.required("operation").asString()),
        new GroupVersionKind(
            request.path("kind").path("group").asString(""),
            request.path("kind").path("version").asString(""),
            request.path("kind").path("kind").asString("")),
        new GroupVersionResource(
            request.path("resource").path("group").asString(""),
            request.path("resource").path("version").asString(""),
            request.path("resource").path("resource").asString("")),
        text(request, "subResource"),
        text(request, "namespace"),
        text(request, "name"),
        new UserInfo(
            request.path("userInfo").path("username").asString(""), "", List.of(), Map.of()),
        request.path("dryRun").asBoolean(false),
        tree(request, "object"),
        tree(request, "oldObject"));
  }

  static JsonNode golden(String name) {
    return read("/golden/" + name);
  }

  static ImageRewriterConfig config(String name) {
    try (InputStream in = ReviewFixtures.class.getResourceAsStream("/config/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture config/" + name);
      }
      return ConfigBinder.bind(YAMLMapper.shared().readTree(in), ImageRewriterConfig.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(String resource) {
    try (InputStream in = ReviewFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> text(JsonNode request, String field) {
    JsonNode node = request.path(field);
    return node.isString() && !node.asString().isEmpty()
        ? Optional.of(node.asString())
        : Optional.empty();
  }

  private static Optional<ObjectNode> tree(JsonNode request, String field) {
    return request.path(field) instanceof ObjectNode object
        ? Optional.of(object.deepCopy())
        : Optional.empty();
  }
}
