package dev.harbormaster.plugin.mirrorsync.copy;

/** Told about each finished copy (status, metrics, command-line progress). */
public interface CopyListener {
  /** {@code item} was copied (or was already there) or superseded. */
  void copied(SyncItem item, CopyOutcome outcome);

  /**
   * {@code item} failed.
   *
   * @param reason short classifier
   * @param message detail
   * @param willRetry whether the queue tries again
   */
  void failed(SyncItem item, String reason, String message, boolean willRetry);
}
