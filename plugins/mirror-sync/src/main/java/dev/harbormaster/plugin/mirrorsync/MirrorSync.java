package dev.harbormaster.plugin.mirrorsync;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.plugin.mirrorsync.config.MirrorConfig;
import dev.harbormaster.plugin.mirrorsync.config.MirrorSyncConfig;
import dev.harbormaster.plugin.mirrorsync.copy.CopyListener;
import dev.harbormaster.plugin.mirrorsync.copy.CopyOutcome;
import dev.harbormaster.plugin.mirrorsync.copy.CopyQueue;
import dev.harbormaster.plugin.mirrorsync.copy.MirrorCopier;
import dev.harbormaster.plugin.mirrorsync.copy.SyncItem;
import dev.harbormaster.plugin.mirrorsync.plan.MirrorPlan;
import dev.harbormaster.plugin.mirrorsync.plan.MirrorPlanner;
import dev.harbormaster.plugin.mirrorsync.plan.PlannedCopy;
import dev.harbormaster.plugin.mirrorsync.plan.TargetState;
import dev.harbormaster.plugin.mirrorsync.status.SyncLedger;
import dev.harbormaster.plugin.mirrorsync.status.SyncMetrics;
import dev.harbormaster.worker.DrainReport;
import dev.harbormaster.worker.OfferResult;
import dev.harbormaster.worker.QueueStats;
import dev.harbormaster.worker.RetryPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One instance's sync engine, shared by the host (a pass every {@code interval}, copies queued on
 * admission) and the command line (one pass, then drain): the producer ({@link MirrorPlanner}), the
 * copy queue ({@link CopyQueue}) with its consumer ({@link MirrorCopier}), the {@link TargetState}
 * and the status {@link SyncLedger}.
 */
final class MirrorSync {
  private final MirrorSyncConfig config;
  private final RegistryClients clients;
  private final TargetState state;
  private final MirrorPlanner planner;
  private final SyncLedger ledger;
  private final SyncMetrics metrics;
  private final CopyQueue queue;
  private final Clock clock;
  private final AtomicLong generations = new AtomicLong();

  MirrorSync(
      MirrorSyncConfig config,
      Path configDir,
      String instance,
      SyncMetrics metrics,
      CopyListener progress,
      RetryPolicy retry,
      Clock clock) {
    this.config = config;
    this.clock = clock;
    this.metrics = metrics;
    this.clients = new RegistryClients(config, configDir, instance);
    this.state =
        new TargetState(
            config.sync().targetStateMaxAge(), config.sync().stateFile().map(configDir::resolve));
    this.planner =
        new MirrorPlanner(
            clients,
            clients.target(),
            config.target(),
            state,
            config.sync().headConcurrency(),
            config.sync().tagPageSize(),
            clock);
    this.ledger =
        new SyncLedger(config.mirrors().stream().map(MirrorConfig::source).toList(), metrics);
    MirrorCopier copier =
        new MirrorCopier(clients, clients.target(), state, config.sync().blobParallelism(), clock);
    this.queue =
        new CopyQueue(
            instance,
            copier::copy,
            both(ledger, progress),
            config.sync().workers(),
            config.sync().perRegistryCopies(),
            config.sync().queueCapacity(),
            retry);
  }

  /** Plans every mirror (upstream {@code HEAD}s; target {@code HEAD}s only where unknown). */
  List<MirrorPlan> plan() throws InterruptedException {
    long started = System.nanoTime();
    List<MirrorPlan> plans = new ArrayList<>();
    for (MirrorConfig m : config.mirrors()) {
      MirrorPlan plan = planner.plan(m);
      ledger.planned(plan);
      plans.add(plan);
    }
    metrics.run(Duration.ofNanos(System.nanoTime() - started));
    return plans;
  }

  /** Queues the copies of {@code plans}; returns how many were accepted. */
  int enqueue(List<MirrorPlan> plans) {
    long generation = generations.incrementAndGet();
    int accepted = 0;
    for (MirrorPlan plan : plans) {
      for (PlannedCopy c : plan.copies()) {
        SyncItem item =
            new SyncItem(
                c.mirror(),
                c.source(),
                Optional.of(c.sourceDigest()),
                c.target(),
                c.platforms(),
                generation);
        if (offer(item, 0).accepted()) {
          accepted++;
        }
      }
    }
    return accepted;
  }

  /**
   * Queues an image seen on admission with priority; its upstream digest is resolved by the
   * consumer. No network I/O here.
   */
  OfferResult offerFromAdmission(MirrorConfig mirror, ImageReference image) {
    String tag = image.tag().orElseThrow();
    ImageReference source = mirror.sourceRepository().withTag(tag);
    ImageReference target = config.target().repositoryFor(mirror.sourceRepository()).withTag(tag);
    SyncItem item =
        new SyncItem(
            mirror.source(),
            source,
            image.digest(),
            target,
            mirror.platforms(),
            generations.incrementAndGet());
    return offer(item, CopyQueue.ADMISSION_PRIORITY);
  }

  private OfferResult offer(SyncItem item, int priority) {
    OfferResult r = queue.offer(item, priority);
    if (r == OfferResult.ENQUEUED || r == OfferResult.REPLACED) {
      ledger.queued(item);
    }
    return r;
  }

  /** Stops taking items and finishes the queued ones until {@code deadline}, then saves state. */
  DrainReport drain(Duration deadline) throws InterruptedException, IOException {
    DrainReport report = queue.stop(deadline);
    state.save();
    return report;
  }

  /** Saves the target state file (if configured). */
  void saveState() throws IOException {
    state.save();
  }

  RegistryClients clients() {
    return clients;
  }

  SyncLedger ledger() {
    return ledger;
  }

  QueueStats queueStats() {
    return queue.stats();
  }

  Clock clock() {
    return clock;
  }

  private static CopyListener both(CopyListener a, CopyListener b) {
    return new CopyListener() {
      @Override
      public void copied(SyncItem item, CopyOutcome outcome) {
        a.copied(item, outcome);
        b.copied(item, outcome);
      }

      @Override
      public void failed(SyncItem item, String reason, String message, boolean willRetry) {
        a.failed(item, reason, message, willRetry);
        b.failed(item, reason, message, willRetry);
      }
    };
  }
}
