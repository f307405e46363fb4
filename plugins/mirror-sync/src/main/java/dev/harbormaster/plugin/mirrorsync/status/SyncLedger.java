package dev.harbormaster.plugin.mirrorsync.status;

import dev.harbormaster.plugin.mirrorsync.copy.CopyListener;
import dev.harbormaster.plugin.mirrorsync.copy.CopyOutcome;
import dev.harbormaster.plugin.mirrorsync.copy.SyncItem;
import dev.harbormaster.plugin.mirrorsync.plan.MirrorPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts per mirror for the status document: reset when a pass plans the mirror, then updated as
 * its copies (and copies queued on admission) finish. Thread-safe.
 */
public final class SyncLedger implements CopyListener {
  private static final int MAX_FAILURES = 50;

  private final Map<String, Counts> mirrors = new LinkedHashMap<>();
  private final SyncMetrics metrics;

  private static final class Counts {
    String target = "";
    int considered;
    int inSync;
    int queued;
    int finished;
    int copied;
    int failed;
    long bytes;
    final List<MirrorStatus.Failure> failures = new ArrayList<>();
    Optional<String> listingError = Optional.empty();
  }

  /** A ledger for {@code sources} (in config order) that also counts into {@code metrics}. */
  public SyncLedger(List<String> sources, SyncMetrics metrics) {
    sources.forEach(s -> mirrors.put(s, new Counts()));
    this.metrics = metrics;
  }

  /** A pass planned {@code plan}: its counts start afresh. */
  public synchronized void planned(MirrorPlan plan) {
    Counts c = new Counts();
    c.target = plan.target().toString();
    c.considered = plan.considered();
    c.inSync = plan.inSync();
    c.listingError = plan.listingError();
    plan.failures().forEach(f -> fail(c, f.tag(), f.reason(), f.message()));
    mirrors.put(plan.mirror(), c);
    metrics.checked(plan.considered(), plan.failures().size());
  }

  /** An item was queued. */
  public synchronized void queued(SyncItem item) {
    counts(item.mirror()).queued++;
  }

  @Override
  public synchronized void copied(SyncItem item, CopyOutcome outcome) {
    Counts c = counts(item.mirror());
    c.finished++;
    if (outcome instanceof CopyOutcome.Copied copied) {
      c.copied++;
      c.bytes += copied.result().bytesUploaded();
    }
    metrics.copied(outcome);
  }

  @Override
  public synchronized void failed(SyncItem item, String reason, String message, boolean retry) {
    if (retry) {
      metrics.retried(reason);
      return;
    }
    Counts c = counts(item.mirror());
    c.finished++;
    fail(c, item.target().tag().orElse(item.key()), reason, message);
    metrics.failed(reason);
  }

  /** A snapshot per mirror, in config order. */
  public synchronized List<MirrorStatus> snapshot() {
    List<MirrorStatus> out = new ArrayList<>();
    mirrors.forEach(
        (source, c) ->
            out.add(
                new MirrorStatus(
                    source,
                    c.target,
                    c.considered,
                    c.inSync,
                    c.queued,
                    Math.max(0, c.queued - c.finished),
                    c.copied,
                    c.failed,
                    c.bytes,
                    List.copyOf(c.failures),
                    c.listingError)));
    return out;
  }

  private Counts counts(String mirror) {
    return mirrors.computeIfAbsent(mirror, m -> new Counts());
  }

  private static void fail(Counts c, String tag, String reason, String message) {
    c.failed++;
    if (c.failures.size() < MAX_FAILURES) {
      c.failures.add(new MirrorStatus.Failure(tag, reason, message));
    }
  }
}
