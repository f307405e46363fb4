package dev.harbormaster.host.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.review.Json;
import io.fabric8.zjsonpatch.JsonPatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

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

  private static JsonNode read(String fixture, String file) {
    return Json.MAPPER.readTree(Fixtures.bytes("patches/" + fixture + "/" + file));
  }
}
