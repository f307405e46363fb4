package dev.harbormaster.plugin.prefetch;

import dev.harbormaster.spi.GroupVersionKind;
import dev.harbormaster.spi.GroupVersionResource;
import dev.harbormaster.spi.Operation;
import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.UserInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reviews as the host hands them over. */
final class Reviews {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Reviews() {}

  /** A Deployment {@code shop/web} whose template has {@code spec} (JSON). */
  static ObjectNode deployment(String podSpecJson) {
    ObjectNode d = MAPPER.createObjectNode();
    d.put("apiVersion", "apps/v1").put("kind", "Deployment");
    d.putObject("metadata").put("name", "web").put("namespace", "shop");
    d.putObject("spec").putObject("template").set("spec", MAPPER.readTree(podSpecJson));
    return d;
  }

  static Review create(String kind, ObjectNode object, boolean dryRun) {
    return review(Operation.CREATE, kind, object, Optional.empty(), dryRun);
  }

  static Review update(String kind, ObjectNode object, ObjectNode old) {
    return review(Operation.UPDATE, kind, object, Optional.of(old), false);
  }

  private static Review review(
      Operation op, String kind, ObjectNode object, Optional<ObjectNode> old, boolean dryRun) {
    return new Review(
        "uid-1",
        op,
        new GroupVersionKind(kind.equals("Pod") ? "" : "apps", "v1", kind),
        new GroupVersionResource("apps", "v1", kind.toLowerCase() + "s"),
        Optional.empty(),
        Optional.of("shop"),
        Optional.of(object.path("metadata").path("name").asString("web")),
        new UserInfo("alice", "", List.of(), Map.of()),
        dryRun,
        Optional.of(object),
        old);
  }
}
