package dev.harbormaster.host.pipeline;

import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import java.util.EnumSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Diffs two object trees into an RFC 6902 JSON Patch of add, remove and replace operations (no
 * move/copy, which some clients handle badly). Paths are RFC 6901 pointers ({@code ~} as {@code
 * ~0}, {@code /} as {@code ~1}); a value added under a missing map is added with the map.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6902">RFC 6902</a>
 */
public final class JsonPatchDiff {
  private static final EnumSet<DiffFlags> FLAGS =
      EnumSet.of(
          DiffFlags.OMIT_MOVE_OPERATION,
          DiffFlags.OMIT_COPY_OPERATION,
          DiffFlags.OMIT_VALUE_ON_REMOVE);

  private JsonPatchDiff() {}

  /** The patch turning {@code original} into {@code changed} (empty array when equal). */
  public static ArrayNode diff(JsonNode original, JsonNode changed) {
    return (ArrayNode) JsonDiff.asJson(original, changed, FLAGS);
  }
}
