package dev.harbormaster.worker;

import java.util.List;

/**
 * What {@link WorkQueue#stop} left undone.
 *
 * @param notStarted keys still queued at the deadline (never run, or waiting for a retry)
 * @param interrupted keys in flight at the deadline (their workers were interrupted)
 */
public record DrainReport(List<String> notStarted, List<String> interrupted) {
  /** Copies the lists. */
  public DrainReport {
    notStarted = List.copyOf(notStarted);
    interrupted = List.copyOf(interrupted);
  }

  /** Whether everything was done in time. */
  public boolean complete() {
    return notStarted.isEmpty() && interrupted.isEmpty();
  }
}
