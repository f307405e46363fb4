package dev.harbormaster.host.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.review.Json;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class JsonPatchDiffTest {

  /** Golden patches: each fixture folder holds original.json, changed.json and patch.json. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "add-into-missing-map",
        "escaped-keys",
        "replace-image",
        "remove-and-add-container"
      })
  void diffEqualsGoldenPatch_andTurnsOriginalIntoChanged(String fixture) {
    JsonNode original = read(fixture, "original.json");
    JsonNode changed = read(fixture, "changed.json");

    JsonNode patch = JsonPatchDiff.diff(original, changed);

    assertThat(patch).isEqualTo(read(fixture, "patch.json"));
    assertThat(JsonPatch.apply(patch, original)).isEqualTo(changed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"escaped-keys"})
  void escapesSlashAndTilde_inPointers(String fixture) {
    JsonNode patch =
        JsonPatchDiff.diff(read(fixture, "original.json"), read(fixture, "changed.json"));

    assertThat(patch.findValuesAsString("path"))
        .containsExactly("/metadata/labels/app.kubernetes.io~1name", "/metadata/labels/odd~0key");
  }

  @ParameterizedTest
  @ValueSource(strings = {"replace-image"})
  void equalTrees_giveEmptyPatch(String fixture) {
    JsonNode original = read(fixture, "original.json");

    assertThat(JsonPatchDiff.diff(original, original.deepCopy())).isEmpty();
  }

  /**
   * The patches equal zjsonpatch's for the whole tree (what this class used to return) over seeded
   * random edits of a Deployment: members added, removed and replaced at every depth, array
   * elements inserted, removed and changed, values of another type, keys needing escapes.
   */
  @Test
  void patches_equalZjsonpatchsWholeTreeDiff_forRandomEditsOfADeployment() {
    JsonNode deployment =
        Json.MAPPER
            .readTree(Fixtures.bytes("reviews/deployment-update.json"))
            .path("request")
            .path("object");
    EnumSet<DiffFlags> flags =
        EnumSet.of(
            DiffFlags.OMIT_MOVE_OPERATION,
            DiffFlags.OMIT_COPY_OPERATION,
            DiffFlags.OMIT_VALUE_ON_REMOVE);
    Random random = new Random(20261122);
    int nonEmpty = 0;
    for (int round = 0; round < 2_000; round++) {
      JsonNode changed = deployment.deepCopy();
      int edits = 1 + random.nextInt(4);
      for (int e = 0; e < edits; e++) {
        edit(changed, random);
      }

      JsonNode patch = JsonPatchDiff.diff(deployment, changed);

      assertThat(patch)
          .as("round %d", round)
          .isEqualTo(JsonDiff.asJson(deployment, changed, flags));
      // (zjsonpatch's JsonPatch.apply cannot be the oracle here: it decodes "~01" as "/", not as
      // RFC 6901's "~1", so a key like "t~1" comes back as "t/".)
      if (!patch.isEmpty()) nonEmpty++;
    }
    assertThat(nonEmpty).isGreaterThan(1_500);
  }

  /** One random edit somewhere in {@code root}. */
  private static void edit(JsonNode root, Random random) {
    JsonNode node = root;
    while (node.isContainer() && node.size() > 0 && random.nextInt(4) != 0) {
      JsonNode next = child(node, random);
      if (!next.isContainer()) break;
      node = next;
    }
    String[] keys = {"x", "a/b", "t~1", "image", "name"};
    if (node instanceof ObjectNode object) {
      switch (random.nextInt(4)) {
        case 0 -> object.put(keys[random.nextInt(keys.length)], random.nextInt(100));
        case 1 -> {
          if (object.size() > 0) object.remove(object.propertyNames().iterator().next());
        }
        case 2 -> object.putObject(keys[random.nextInt(keys.length)]).put("k", "v");
        default -> {
          if (object.size() > 0) {
            String name =
                new ArrayList<>(object.propertyNames()).get(random.nextInt(object.size()));
            object.put(name, "replaced-" + random.nextInt(10));
          }
        }
      }
    } else if (node instanceof ArrayNode array) {
      switch (random.nextInt(4)) {
        case 0 -> array.insert(random.nextInt(array.size() + 1), "inserted-" + random.nextInt(10));
        case 1 -> {
          if (array.size() > 0) array.remove(random.nextInt(array.size()));
        }
        case 2 -> {
          if (array.size() > 0) array.set(random.nextInt(array.size()), array.get(0).deepCopy());
        }
        default -> array.addObject().put("name", "new-" + random.nextInt(10));
      }
    }
  }

  private static JsonNode child(JsonNode container, Random random) {
    if (container instanceof ArrayNode array) return array.get(random.nextInt(array.size()));
    List<String> names = new ArrayList<>(container.propertyNames());
    return container.get(names.get(random.nextInt(names.size())));
  }

  private static JsonNode read(String fixture, String file) {
    return Json.MAPPER.readTree(Fixtures.bytes("patches/" + fixture + "/" + file));
  }
}
