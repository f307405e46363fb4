package dev.harbormaster.host.pipeline;

import dev.harbormaster.spi.Review;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs matching validating instances concurrently, each on its own copy of the object; any deny (or
 * failure under {@code failurePolicy: deny}) denies the review.
 */
final class ValidatingStage {
  private final List<PipelineInstance> instances;
  private final ExecutorService executor;

  ValidatingStage(List<PipelineInstance> instances, ExecutorService executor) {
    this.instances = instances;
    this.executor = executor;
  }

  void run(Review review, VerdictCollector verdicts, long deadline) {
    List<InstanceCall> calls = new ArrayList<>();
    for (PipelineInstance instance : instances) {
      if (!instance.matcher().matches(review)) continue;
      Optional<ObjectNode> copy = review.object().map(ObjectNode::deepCopy);
      calls.add(InstanceCall.start(instance, review.withObject(copy), executor, deadline));
    }
    // Results are recorded in config order so that messages are stable.
    for (InstanceCall call : calls) {
      CallResult result = call.await();
      verdicts.record(call.instance(), result, System.nanoTime() - call.startedNanos());
    }
  }
}
