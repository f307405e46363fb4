package dev.harbormaster.testkit.plugin;

import dev.harbormaster.spi.GroupVersionKind;
import dev.harbormaster.spi.GroupVersionResource;
import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.UserInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link Review}s as the host hands them to a plugin: a CREATE of Pod {@code shop/p} built from
 * image names, or the {@code request} of an AdmissionReview fixture file on the test classpath.
 * Both are CREATEs by user {@code alice} in namespace {@code shop}, uid {@code uid-1}.
 */
public final class TestReviews {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private TestReviews() {}

  /**
   * A CREATE review of Pod {@code shop/p} whose containers {@code c0, c1, ...} use {@code images}.
   */
  public static Review pod(boolean dryRun, String... images) {
    ObjectNode pod = MAPPER.createObjectNode();
    pod.put("apiVersion", "v1").put("kind", "Pod");
    pod.putObject("metadata").put("name", "p").put("namespace", "shop");
    ArrayNode containers = pod.putObject("spec").putArray("containers");
    for (int i = 0; i < images.length; i++) {
      containers.addObject().put("name", "c" + i).put("image", images[i]);
    }
    return review(
        new GroupVersionKind("", "v1", "Pod"),
        new GroupVersionResource("", "v1", "pods"),
        dryRun,
        pod);
  }

  /**
   * A CREATE review of the {@code request.object} in classpath resource {@code /reviews/<name>}
   * (kind and resource with their group and version, and dryRun, taken from the request).
   */
  public static Review load(String name) {
    JsonNode request;
    try (InputStream in = TestReviews.class.getResourceAsStream("/reviews/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture reviews/" + name);
      }
      request = MAPPER.readTree(in).required("request");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode kind = request.path("kind");
    JsonNode resource = request.path("resource");
    return review(
        new GroupVersionKind(
            kind.path("group").asString(""),
            kind.path("version").asString("v1"),
            kind.path("kind").asString()),
        new GroupVersionResource(
            resource.path("group").asString(""),
            resource.path("version").asString("v1"),
            resource.path("resource").asString()),
        request.path("dryRun").asBoolean(false),
        (ObjectNode) request.required("object").deepCopy());
  }

  private static Review review(
      GroupVersionKind kind, GroupVersionResource resource, boolean dryRun, ObjectNode object) {
    return new Review(
        "uid-1",
        Operation.CREATE,
        kind,
        resource,
        Optional.empty(),
        Optional.of("shop"),
        Optional.of("p"),
        new UserInfo("alice", "", List.of(), Map.of()),
        dryRun,
        Optional.of(object),
        Optional.empty());
  }
}
