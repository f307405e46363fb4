package dev.harbormaster.host.pipeline;

import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.node.ArrayNode;

/**
 * The admission pipeline of DESIGN.md: select instances by their match rules, then either mutate
 * (in config order, one working copy, one diff) or validate (concurrently, any deny denies), with
 * per-instance timeouts and failure policies inside the review's overall budget.
 */
public final class AdmissionPipeline implements AutoCloseable {
  private final List<PipelineInstance> instances;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final MutatingStage mutating;
  private final ValidatingStage validating;

  /**
   * @param instances started instances in config order (both scopes)
   */
  public AdmissionPipeline(List<PipelineInstance> instances) {
    this.instances = List.copyOf(instances);
    this.mutating =
        new MutatingStage(
            this.instances.stream().filter(i -> i.scope() == Scope.MUTATING).toList(), executor);
    this.validating =
        new ValidatingStage(
            this.instances.stream().filter(i -> i.scope() == Scope.VALIDATING).toList(), executor);
  }

  /**
   * Reviews one request on one endpoint.
   *
   * @param review the parsed request; in mutating scope its object is never changed (instances work
   *     on copies)
   * @param endpoint {@link Scope#MUTATING} for {@code /mutate}, {@link Scope#VALIDATING} for {@code
   *     /validate}
   * @param budget how long the whole review may take (see {@link ReviewBudget})
   */
  public ReviewOutcome review(Review review, Scope endpoint, Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    VerdictCollector verdicts = new VerdictCollector(review.uid());
    Optional<ArrayNode> patch = Optional.empty();
    if (endpoint == Scope.MUTATING) {
      patch = mutating.run(review, verdicts, deadline);
    } else {
      validating.run(review, verdicts, deadline);
    }
    return new ReviewOutcome(verdicts.response(patch), verdicts.runs());
  }

  /** The instances, in config order. */
  public List<PipelineInstance> instances() {
    return instances;
  }

  /** Stops the executor; calls still running are interrupted. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
