package dev.harbormaster.plugin.mirrorsync;

import dev.harbormaster.oci.copy.CopyResult;
import dev.harbormaster.plugin.mirrorsync.copy.CopyListener;
import dev.harbormaster.plugin.mirrorsync.copy.CopyOutcome;
import dev.harbormaster.plugin.mirrorsync.copy.SyncItem;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Progress of a command-line pass on standard error: one line per finished copy, and totals. */
final class CommandProgress implements CopyListener {
  private final PrintStream err;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private volatile int total;

  CommandProgress(PrintStream err) {
    this.err = err;
  }

  void expect(int copies) {
    this.total = copies;
  }

  int failed() {
    return failed.get();
  }

  int done() {
    return done.get();
  }

  long bytes() {
    return bytes.get();
  }

  @Override
  public void copied(SyncItem item, CopyOutcome outcome) {
    int n = done.incrementAndGet();
    String what =
        switch (outcome) {
          case CopyOutcome.Superseded s -> "superseded by a newer copy";
          case CopyOutcome.Copied c when c.result().upToDate() -> "already up to date";
          case CopyOutcome.Copied c -> describe(c.result());
        };
    synchronized (err) {
      err.printf("[%d/%d] %s: %s%n", n, total, item.target().full(), what);
    }
  }

  @Override
  public void failed(SyncItem item, String reason, String message, boolean willRetry) {
    if (willRetry) {
      synchronized (err) {
        err.printf("retrying %s (%s): %s%n", item.target().full(), reason, message);
      }
      return;
    }
    int n = done.incrementAndGet();
    failed.incrementAndGet();
    synchronized (err) {
      err.printf("[%d/%d] %s: FAILED (%s) %s%n", n, total, item.target().full(), reason, message);
    }
  }

  private String describe(CopyResult r) {
    bytes.addAndGet(r.bytesUploaded());
    return "copied "
        + r.digest()
        + " ("
        + PlanSizer.human(r.bytesUploaded())
        + " uploaded; blobs: "
        + r.blobsUploaded()
        + " uploaded, "
        + r.blobsMounted()
        + " mounted, "
        + r.blobsPresent()
        + " present; "
        + r.manifestsPushed()
        + " manifests)";
  }
}
