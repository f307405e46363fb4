package dev.harbormaster.plugin.imagerewriter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Review;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

/**
 * Golden tests: each AdmissionReview fixture in {@code reviews/} goes through a handler configured
 * by {@code config/golden.yaml}; the resulting object, the warnings and the verdict must equal
 * {@code golden/<fixture>} exactly, and so must the JSON Patch the host would send (computed with
 * the host's diff). Running the same handler again over its own result (what a reinvocation does)
 * must change nothing and warn about nothing new.
 *
 * <p>To regenerate after an intended change: {@code -Dgolden.update=true}, then review the diff.
 */
class ImageRewriterGoldenTest {
  // As the host diffs the working copy (JsonPatchDiff): add, remove and replace only.
  private static final EnumSet<DiffFlags> PATCH_FLAGS =
      EnumSet.of(
          DiffFlags.OMIT_MOVE_OPERATION,
          DiffFlags.OMIT_COPY_OPERATION,
          DiffFlags.OMIT_VALUE_ON_REMOVE);
  private static final ImageRewriterConfig CONFIG = ReviewFixtures.config("golden.yaml");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pod-create",
        "pod-no-annotations",
        "deployment-create",
        "cronjob-create",
        "pod-ephemeral-update",
        "pod-update-unchanged",
        "pod-opt-out",
        "pod-mirror"
      })
  void rewritesFixture_exactlyAsTheGoldenFile_andReadmissionIsANoOp(String fixture)
      throws Exception {
    ImageRewriter rewriter = Rewriters.withoutChecks(CONFIG);
    Review review = ReviewFixtures.load(fixture + ".json");

    ObjectNode original = review.object().orElseThrow().deepCopy();
    Decision decision = rewriter.review(review);
    ObjectNode result = review.object().orElseThrow();

    ObjectNode actual = ReviewFixtures.MAPPER.createObjectNode();
    actual.put("allowed", decision instanceof Decision.Allow);
    actual.set("warnings", ReviewFixtures.MAPPER.valueToTree(decision.warnings()));
    actual.set("auditAnnotations", ReviewFixtures.MAPPER.valueToTree(decision.auditAnnotations()));
    actual.set("patch", JsonDiff.asJson(original, result, PATCH_FLAGS));
    actual.set("object", result);
    if (Boolean.getBoolean("golden.update")) {
      Path file = Path.of("src/test/resources/golden", fixture + ".json");
      Files.writeString(
          file,
          ReviewFixtures.MAPPER
                  .writer()
                  .with(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(actual)
              + "\n");
    }
    JsonNode golden = ReviewFixtures.golden(fixture + ".json");
    assertThat(actual.get("patch")).isEqualTo(golden.get("patch"));
    assertThat(actual.get("object")).isEqualTo(golden.get("object"));
    assertThat(actual.get("warnings")).isEqualTo(golden.get("warnings"));
    assertThat(actual.get("allowed")).isEqualTo(golden.get("allowed"));
    assertThat(actual.get("auditAnnotations")).isEqualTo(golden.get("auditAnnotations"));

    ObjectNode once = result.deepCopy();
    Review reinvocation = review.withObject(Optional.of(result));
    Decision again = rewriter.review(reinvocation);
    assertThat(result).as("rewrite(rewrite(x)) == rewrite(x)").isEqualTo(once);
    assertThat(again.auditAnnotations()).doesNotContainKey("rewritten-images");
    assertThat(new ArrayList<>(again.warnings())).isSubsetOf(List.copyOf(decision.warnings()));
  }
}
