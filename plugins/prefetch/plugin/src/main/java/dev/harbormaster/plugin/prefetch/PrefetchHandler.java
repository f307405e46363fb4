package dev.harbormaster.plugin.prefetch;

import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Review;
import dev.harbormaster.worker.OfferResult;
import dev.harbormaster.worker.WorkOffer;
import dev.harbormaster.worker.WorkQueue;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * The admission side: always allows; reads the request in memory and offers it to the bounded write
 * queue without waiting (a full queue drops and counts). No API call on the admission path. On a
 * dry-run request, or in the instance's audit mode, nothing is queued: an audit annotation says
 * what would have been prefetched.
 */
final class PrefetchHandler implements AdmissionHandler {
  private final RequestExtractor extractor;
  private final Optional<WorkQueue<PrefetchRequest>> queue;
  private final PrefetchMetrics metrics;
  private final KubernetesClient client;
  private final ScheduledFuture<?> aggregation;

  PrefetchHandler(
      RequestExtractor extractor,
      Optional<WorkQueue<PrefetchRequest>> queue,
      PrefetchMetrics metrics,
      KubernetesClient client,
      ScheduledFuture<?> aggregation) {
    this.extractor = extractor;
    this.queue = queue;
    this.metrics = metrics;
    this.client = client;
    this.aggregation = aggregation;
  }

  @Override
  public Decision review(Review review) {
    Decision allow = Decision.allow();
    Optional<PrefetchRequest> request = extractor.extract(review);
    if (request.isEmpty()) {
      return allow;
    }
    PrefetchRequest r = request.get();
    if (review.dryRun() || queue.isEmpty()) {
      metrics.offered("dry-run");
      return allow.withAuditAnnotation("would-prefetch", String.join(",", r.images()));
    }
    OfferResult result = queue.get().offer(WorkOffer.of(r.name(), "kubernetes-api", r));
    metrics.offered(result.name().toLowerCase(Locale.ROOT));
    return allow;
  }

  @Override
  public void stop(Duration deadline) throws Exception {
    aggregation.cancel(false);
    if (queue.isPresent()) {
      queue.get().stop(deadline);
    }
    client.close();
  }
}
