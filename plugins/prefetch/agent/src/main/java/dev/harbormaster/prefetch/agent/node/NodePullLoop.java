package dev.harbormaster.prefetch.agent.node;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.prefetch.agent.cri.CriFailure;
import dev.harbormaster.prefetch.agent.pull.ImagePuller;
import dev.harbormaster.prefetch.agent.pull.PullOutcome;
import dev.harbormaster.prefetch.model.NodeReport;
import dev.harbormaster.prefetch.model.PullPhase;
import dev.harbormaster.worker.Attempt;
import dev.harbormaster.worker.OfferResult;
import dev.harbormaster.worker.RetryPolicy;
import dev.harbormaster.worker.WorkOffer;
import dev.harbormaster.worker.WorkOutcome;
import dev.harbormaster.worker.WorkQueue;
import dev.harbormaster.worker.WorkQueueSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The node's pull loop: one queue (the shared {@link WorkQueue}), keyed by image, so an image is
 * pulled at most once at a time and duplicate events are no-ops; a small pool of workers.
 *
 * <p>Retries are scheduled here, not by the queue, against the injected clock: attempt {@code n}
 * that fails is followed, no earlier than {@code backoff.ceilingBefore(n)} later (10 s, 20 s, 40
 * s... capped at 10 minutes), by another when {@link #tick} or {@link #reconcile} runs; after
 * {@code backoff.maxAttempts()} failures, or a permanent one (image not found), the image is in
 * {@code Error} until its intent's fingerprint changes (spec or secret changed).
 */
public final class NodePullLoop implements AutoCloseable {
  private final ImagePuller puller;
  private final LoopSettings settings;
  private final InstantSource clock;
  private final NodeImageTable table;
  private final PullMetrics metrics;
  private final WorkQueue<PullIntent> queue;
  private final Map<String, PullIntent> wanted = new ConcurrentHashMap<>();

  /** Starts the loop's workers. */
  public NodePullLoop(
      ImagePuller puller, LoopSettings settings, InstantSource clock, PullMetrics metrics) {
    this.puller = puller;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.table = new NodeImageTable(clock);
    WorkQueueSettings q =
        WorkQueueSettings.defaults()
            .withCapacity(settings.queueCapacity())
            .withWorkers(settings.workers(), settings.workers())
            .withDedupTtl(Duration.ZERO) // dedupe only while queued or in flight
            .withRetry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO)); // retries are ours
    this.queue =
        WorkQueue.<PullIntent>builder(this::attempt)
            .settings(q)
            .name("prefetch-pull")
            .clock(clock)
            .start();
  }

  /**
   * Replaces the set of wanted images and offers every image that is due: new ones, changed
   * fingerprints, failed ones whose backoff has passed, available ones due for a re-check.
   *
   * @return how many images were newly queued
   */
  public int reconcile(Collection<PullIntent> intents) {
    Map<String, PullIntent> next =
        intents.stream()
            .collect(Collectors.toMap(PullIntent::image, Function.identity(), (a, b) -> a));
    wanted.keySet().retainAll(next.keySet());
    wanted.putAll(next);
    table.retain(next.keySet());
    return tick();
  }

  /**
   * Offers every wanted image that is due now.
   *
   * @return how many images were newly queued (offers of images already queued or in flight are
   *     no-ops and not counted)
   */
  public int tick() {
    Instant now = clock.instant();
    int queued = 0;
    for (PullIntent intent : wanted.values()) {
      ImageState s = table.get(intent.image()).orElse(null);
      if (s == null || !s.fingerprint().equals(intent.fingerprint())) {
        table.reset(intent.image(), intent.fingerprint());
        queued += offer(intent);
      } else if (s.phase() != PullPhase.Error
          && s.phase() != PullPhase.Pulling
          && !now.isBefore(s.nextCheck())) {
        queued += offer(intent);
      }
    }
    return queued;
  }

  private int offer(PullIntent intent) {
    String host = ImageReference.tryParse(intent.image()).map(ImageReference::registry).orElse("");
    OfferResult r = queue.offer(WorkOffer.of(intent.image(), host, intent));
    if (r == OfferResult.DROPPED) {
      metrics.dropped();
    }
    return r == OfferResult.ENQUEUED ? 1 : 0;
  }

  private WorkOutcome attempt(Attempt<PullIntent> attempt) {
    PullIntent intent = attempt.item();
    String image = intent.image();
    ImageState before = table.get(image).orElse(null);
    if (before == null || !wanted.containsKey(image)) {
      return WorkOutcome.success(); // no longer wanted
    }
    table.pulling(image);
    metrics.inFlight(+1);
    PullOutcome outcome;
    try {
      outcome = puller.pull(image, intent.keyring(), intent.runtimeHandler());
    } finally {
      metrics.inFlight(-1);
    }
    Instant now = clock.instant();
    switch (outcome) {
      case PullOutcome.AlreadyPresent p -> {
        metrics.present();
        table.available(image, p.imageRef(), p.size(), now.plus(settings.recheckInterval()));
      }
      case PullOutcome.Pulled p -> {
        metrics.pulled(p.took());
        table.available(image, p.imageRef(), p.size(), now.plus(settings.recheckInterval()));
      }
      case PullOutcome.Failed f when f.failure().reason().equals(CriFailure.DISK) -> {
        // Not the image's fault: wait for room without spending an attempt.
        metrics.skippedDisk();
        table.failed(
            image,
            PullPhase.Pending,
            before.attempts(),
            CriFailure.DISK,
            f.failure().message(),
            now.plus(settings.backoff().ceilingBefore(1)));
      }
      case PullOutcome.Failed f -> failed(image, before.attempts() + 1, f.failure(), now);
    }
    return WorkOutcome.success();
  }

  private void failed(String image, int attempts, CriFailure failure, Instant now) {
    metrics.failed(failure.reason());
    RetryPolicy backoff = settings.backoff();
    boolean giveUp =
        failure.kind() == CriFailure.Kind.PERMANENT || !backoff.allowsAnotherAfter(attempts);
    PullPhase phase = giveUp ? PullPhase.Error : PullPhase.Failed;
    Instant next = giveUp ? Instant.MAX : now.plus(backoff.ceilingBefore(attempts));
    table.failed(image, phase, attempts, failure.reason(), failure.message(), next);
  }

  /** The node's current report. */
  public NodeReport report(String nodeName, String runtime) {
    return table.report(nodeName, runtime);
  }

  /** Changes whenever the report would change. */
  public long version() {
    return table.version();
  }

  /**
   * Whether nothing is queued or in flight. A state is recorded a moment before its attempt leaves
   * the queue; until then, offering the image again is a no-op (it is picked up by the next tick).
   */
  public boolean idle() {
    var stats = queue.stats();
    return stats.depth() == 0 && stats.inFlight() == 0;
  }

  /** The images wanted now. */
  public List<String> wantedImages() {
    return wanted.keySet().stream().sorted().toList();
  }

  @Override
  public void close() throws InterruptedException {
    queue.stop(Duration.ofSeconds(5));
  }
}
