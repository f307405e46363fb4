package dev.harbormaster.plugin.mirrorsync;

import dev.harbormaster.plugin.mirrorsync.plan.MirrorPlan;
import dev.harbormaster.plugin.mirrorsync.plan.PlannedCopy;
import dev.harbormaster.spi.PluginCommand.CommandIo;
import dev.harbormaster.worker.QueueStats;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One command-line pass of one instance: plan, then print the plan (dry run) or copy and drain. */
final class OncePass {
  private static final Duration NO_DEADLINE = Duration.ofDays(7);

  private final String instance;
  private final MirrorSync sync;
  private final CommandProgress progress;
  private final PrintStream out;
  private final PrintStream err;

  OncePass(String instance, MirrorSync sync, CommandProgress progress, CommandIo io) {
    this.instance = instance;
    this.sync = sync;
    this.progress = progress;
    this.out = io.out();
    this.err = io.err();
  }

  /** Prints what would be copied, with sizes; copies nothing. */
  int dryRun() throws InterruptedException, IOException {
    List<MirrorPlan> plans = sync.plan();
    sync.drain(Duration.ZERO); // nothing was queued: stops the idle workers
    PlanSizer sizer = new PlanSizer(sync.clients());
    long total = 0;
    int copies = 0;
    for (MirrorPlan plan : plans) {
      printHeader(plan);
      for (PlannedCopy c : plan.copies()) {
        copies++;
        try {
          PlanSizer.Size size = sizer.size(c);
          total += size.bytes();
          out.printf(
              "  would copy %s@%s -> %s (%d image%s, %s)%n",
              c.source().full(),
              c.sourceDigest(),
              c.target().full(),
              size.images(),
              size.images() == 1 ? "" : "s",
              PlanSizer.human(size.bytes()));
        } catch (IOException e) {
          out.printf(
              "  would copy %s@%s -> %s (size unknown: %s)%n",
              c.source().full(), c.sourceDigest(), c.target().full(), e.getMessage());
        }
      }
      printFailures(plan);
    }
    out.printf(
        "%s: dry run: %d tag%s would be copied (%s); nothing was copied%n",
        instance, copies, copies == 1 ? "" : "s", PlanSizer.human(total));
    return failures(plans) > 0 ? 1 : 0;
  }

  /** Copies what differs, then waits for every copy. */
  int sync() throws InterruptedException, IOException {
    List<MirrorPlan> plans = sync.plan();
    int queued = sync.enqueue(plans);
    progress.expect(queued);
    for (MirrorPlan plan : plans) {
      printHeader(plan);
      printFailures(plan);
    }
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long started = System.nanoTime();
    ticker.scheduleAtFixedRate(() -> heartbeat(queued, started), 10, 10, TimeUnit.SECONDS);
    try {
      sync.drain(NO_DEADLINE); // transient failures are retried while draining
    } finally {
      ticker.shutdownNow();
    }
    // Copies that failed, ran out of retries, or were dropped at stop all reach the progress.
    int failed = failures(plans) + progress.failed();
    out.printf(
        "%s: %d tag%s copied (%s uploaded), %d failed%n",
        instance,
        progress.done() - progress.failed(),
        progress.done() - progress.failed() == 1 ? "" : "s",
        PlanSizer.human(progress.bytes()),
        failed);
    return failed > 0 ? 1 : 0;
  }

  private void heartbeat(int queued, long started) {
    QueueStats s = sync.queueStats();
    synchronized (err) {
      err.printf(
          "... %d/%d done, %d copying, %d waiting, %s uploaded, %ds%n",
          progress.done(),
          queued,
          s.inFlight(),
          s.depth(),
          PlanSizer.human(progress.bytes()),
          Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }
  }

  private void printHeader(MirrorPlan plan) {
    out.printf(
        "%s -> %s: %d tag%s considered, %d in sync, %d to copy, %d failed%s%n",
        plan.mirror(),
        plan.target(),
        plan.considered(),
        plan.considered() == 1 ? "" : "s",
        plan.inSync(),
        plan.copies().size(),
        plan.failures().size(),
        plan.listingError().map(e -> "; tag list failed: " + e).orElse(""));
  }

  private void printFailures(MirrorPlan plan) {
    for (MirrorPlan.TagFailure f : plan.failures()) {
      out.printf("  FAILED %s (%s): %s%n", f.tag(), f.reason(), f.message());
    }
  }

  private static int failures(List<MirrorPlan> plans) {
    return plans.stream()
        .mapToInt(p -> p.failures().size() + (p.listingError().isPresent() ? 1 : 0))
        .sum();
  }
}
