package dev.harbormaster.plugin.mirrorsync.status;

import dev.harbormaster.oci.copy.CopyResult;
import dev.harbormaster.plugin.mirrorsync.copy.CopyOutcome;
import dev.harbormaster.worker.QueueStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The metrics of an instance, named {@code harbormaster.mirrorsync.*} and tagged with the
 * instance's tags plus bounded classifiers ({@code outcome}, {@code reason}); never by image or
 * tag.
 */
public final class SyncMetrics {
  private final MeterRegistry registry;
  private final Tags tags;
  private final Counter checked;
  private final Counter copied;
  private final Counter upToDate;
  private final Counter superseded;
  private final Counter bytes;
  private final Timer runs;

  /** Registers the meters. */
  public SyncMetrics(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
    this.checked = registry.counter("harbormaster.mirrorsync.tags.checked", tags);
    this.copied = registry.counter("harbormaster.mirrorsync.tags.copied", tags);
    this.upToDate = registry.counter("harbormaster.mirrorsync.tags.up.to.date", tags);
    this.superseded = registry.counter("harbormaster.mirrorsync.tags.superseded", tags);
    this.bytes = registry.counter("harbormaster.mirrorsync.bytes.copied", tags);
    this.runs = registry.timer("harbormaster.mirrorsync.run.duration", tags);
  }

  void checked(int tagsChecked, int failedChecks) {
    checked.increment(tagsChecked);
    if (failedChecks > 0) {
      failed("check", failedChecks);
    }
  }

  void copied(CopyOutcome outcome) {
    switch (outcome) {
      case CopyOutcome.Superseded s -> superseded.increment();
      case CopyOutcome.Copied c when c.result().upToDate() -> upToDate.increment();
      case CopyOutcome.Copied c -> {
        copied.increment();
        CopyResult r = c.result();
        blobs("uploaded", r.blobsUploaded());
        blobs("mounted", r.blobsMounted());
        blobs("skipped", r.blobsPresent());
        bytes.increment(r.bytesUploaded());
      }
    }
  }

  void failed(String reason) {
    failed(reason, 1);
  }

  void retried(String reason) {
    registry
        .counter("harbormaster.mirrorsync.copy.retries", tags.and("reason", reason))
        .increment();
  }

  private void failed(String reason, int n) {
    registry
        .counter("harbormaster.mirrorsync.tags.failed", tags.and("reason", reason))
        .increment(n);
  }

  private void blobs(String outcome, int n) {
    registry.counter("harbormaster.mirrorsync.blobs", tags.and("outcome", outcome)).increment(n);
  }

  /** Records the planning time of one pass. */
  public void run(Duration took) {
    runs.record(took);
  }

  /** Gauges of the copy queue. */
  public void bindQueue(Supplier<QueueStats> stats) {
    Gauge.builder("harbormaster.mirrorsync.queue.depth", () -> stats.get().depth())
        .tags(tags)
        .register(registry);
    Gauge.builder("harbormaster.mirrorsync.queue.in.flight", () -> stats.get().inFlight())
        .tags(tags)
        .register(registry);
  }
}
