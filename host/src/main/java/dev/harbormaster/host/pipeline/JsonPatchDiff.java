package dev.harbormaster.host.pipeline;

import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import java.util.EnumSet;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Diffs two object trees into an RFC 6902 JSON Patch of add, remove and replace operations (no
 * move/copy, which some clients handle badly). Paths are RFC 6901 pointers ({@code ~} as {@code
 * ~0}, {@code /} as {@code ~1}); a value added under a missing map is added with the map.
 *
 * <p>Objects and values are compared here, walking only into members that differ (equal subtrees,
 * lazy ones included, are compared without being read: see {@code host.review.lazy}); two arrays
 * that differ are handed to zjsonpatch, whose longest-common-subsequence diff keeps patches small
 * when a container is inserted or removed. The output is the same as zjsonpatch's for the whole
 * tree (tested differentially); the object walk avoids its per-level pointer objects and
 * regex-encoded path tokens, a tenth of the host's work per review.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6902">RFC 6902</a>
 */
public final class JsonPatchDiff {
  private static final EnumSet<DiffFlags> FLAGS =
      EnumSet.of(
          DiffFlags.OMIT_MOVE_OPERATION,
          DiffFlags.OMIT_COPY_OPERATION,
          DiffFlags.OMIT_VALUE_ON_REMOVE);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonPatchDiff() {}

  /** The patch turning {@code original} into {@code changed} (empty array when equal). */
  public static ArrayNode diff(JsonNode original, JsonNode changed) {
    ArrayNode patch = NODES.arrayNode();
    diff(new StringBuilder(), original, changed, patch);
    return patch;
  }

  private static void diff(StringBuilder path, JsonNode from, JsonNode to, ArrayNode patch) {
    if (from.equals(to)) return;
    if (from.isObject() && to.isObject()) {
      objects(path, (ObjectNode) from, (ObjectNode) to, patch);
    } else if (from.isArray() && to.isArray()) {
      String prefix = path.toString();
      for (JsonNode op : (ArrayNode) JsonDiff.asJson(from, to, FLAGS)) {
        ObjectNode prefixed = (ObjectNode) op;
        prefixed.put("path", prefix + prefixed.get("path").asString());
        patch.add(prefixed);
      }
    } else {
      patch.add(op("replace", path).set("value", to.deepCopy()));
    }
  }

  private static void objects(StringBuilder path, ObjectNode from, ObjectNode to, ArrayNode patch) {
    int length = path.length();
    for (Map.Entry<String, JsonNode> member : from.properties()) {
      appendToken(path, member.getKey());
      JsonNode target = to.get(member.getKey());
      if (target == null) {
        patch.add(op("remove", path));
      } else {
        diff(path, member.getValue(), target, patch);
      }
      path.setLength(length);
    }
    for (Map.Entry<String, JsonNode> member : to.properties()) {
      if (!from.has(member.getKey())) {
        appendToken(path, member.getKey());
        patch.add(op("add", path).set("value", member.getValue().deepCopy()));
        path.setLength(length);
      }
    }
  }

  private static ObjectNode op(String name, StringBuilder path) {
    ObjectNode op = NODES.objectNode();
    op.put("op", name);
    op.put("path", path.toString());
    return op;
  }

  /** Appends {@code /token} with RFC 6901 escaping. */
  private static void appendToken(StringBuilder path, String token) {
    path.append('/');
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '~') {
        path.append("~0");
      } else if (c == '/') {
        path.append("~1");
      } else {
        path.append(c);
      }
    }
  }
}
