package dev.harbormaster.host.pipeline;

import dev.harbormaster.spi.Review;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs matching mutating instances in config order on one working copy, then diffs the original
 * against it once. Each instance works on a copy of the working copy that replaces it only when the
 * instance allowed in time: a failing or late instance's partial changes never reach the patch.
 */
final class MutatingStage {
  private final List<PipelineInstance> instances;
  private final ExecutorService executor;

  MutatingStage(List<PipelineInstance> instances, ExecutorService executor) {
    this.instances = instances;
    this.executor = executor;
  }

  /** Runs the stage; returns the patch (empty when nothing changed or the review is denied). */
  Optional<ArrayNode> run(Review review, VerdictCollector verdicts, long deadline) {
    Optional<ObjectNode> original = review.object();
    ObjectNode working = original.orElse(null);
    for (PipelineInstance instance : instances) {
      if (!instance.matcher().matches(review)) continue;
      ObjectNode candidate = working == null ? null : working.deepCopy();
      InstanceCall call =
          InstanceCall.start(
              instance, review.withObject(Optional.ofNullable(candidate)), executor, deadline);
      CallResult result = call.await();
      VerdictCollector.Effect effect =
          verdicts.record(instance, result, System.nanoTime() - call.startedNanos());
      if (effect == VerdictCollector.Effect.DENY) {
        return Optional.empty();
      }
      if (candidate == null || !(result instanceof CallResult.Completed)) continue;
      if (instance.auditMode()) {
        ArrayNode wouldPatch = JsonPatchDiff.diff(working, candidate);
        if (!wouldPatch.isEmpty()) verdicts.auditPatch(instance, wouldPatch);
      } else if (effect == VerdictCollector.Effect.APPLY) {
        working = candidate;
      }
    }
    if (original.isEmpty() || working == original.get()) {
      return Optional.empty();
    }
    return Optional.of(JsonPatchDiff.diff(original.get(), working));
  }
}
