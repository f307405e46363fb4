package dev.harbormaster.host.cli;

import dev.harbormaster.host.pipeline.AdmissionPipeline;
import dev.harbormaster.host.pipeline.ReviewBudget;
import dev.harbormaster.host.review.AdmissionResponse;
import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.Scope;
import io.fabric8.zjsonpatch.JsonPatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one review through the pipeline the way the API server would: the mutating stage, the patch
 * applied, then the validating stage over the patched object (or only one stage when asked).
 */
final class OfflineReviewer {
  private static final Duration BUDGET = ReviewBudget.fromTimeoutParam(Optional.empty());

  /**
   * The combined result for one object.
   *
   * @param allowed whether both stages allowed
   * @param status the denial, if denied
   * @param warnings warnings of both stages
   * @param auditAnnotations audit annotations of both stages
   * @param patch the mutating stage's patch, if any
   * @param patchedObject the object after the patch
   */
  record Result(
      boolean allowed,
      Optional<AdmissionResponse.Status> status,
      List<String> warnings,
      Map<String, String> auditAnnotations,
      Optional<ArrayNode> patch,
      Optional<ObjectNode> patchedObject) {}

  private final AdmissionPipeline pipeline;
  private final ReviewCommand.Endpoint only;

  OfflineReviewer(AdmissionPipeline pipeline, ReviewCommand.Endpoint only) {
    this.pipeline = pipeline;
    this.only = only;
  }

  Result review(Review review) {
    List<String> warnings = new ArrayList<>();
    Map<String, String> audit = new LinkedHashMap<>();
    Optional<ObjectNode> object = review.object();
    Optional<ArrayNode> patch = Optional.empty();
    if (only != ReviewCommand.Endpoint.validate) {
      AdmissionResponse mutated = pipeline.review(review, Scope.MUTATING, BUDGET).response();
      warnings.addAll(mutated.warnings());
      audit.putAll(mutated.auditAnnotations());
      if (!mutated.allowed()) {
        return new Result(false, mutated.status(), warnings, audit, Optional.empty(), object);
      }
      patch = mutated.patch();
      if (patch.isPresent() && object.isPresent()) {
        object = Optional.of((ObjectNode) JsonPatch.apply(patch.get(), object.get()));
      }
    }
    if (only != ReviewCommand.Endpoint.mutate) {
      AdmissionResponse validated =
          pipeline.review(review.withObject(object), Scope.VALIDATING, BUDGET).response();
      warnings.addAll(validated.warnings());
      audit.putAll(validated.auditAnnotations());
      if (!validated.allowed()) {
        return new Result(false, validated.status(), warnings, audit, patch, object);
      }
    }
    return new Result(true, Optional.empty(), warnings, audit, patch, object);
  }
}
