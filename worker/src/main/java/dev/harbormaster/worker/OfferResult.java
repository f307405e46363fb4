package dev.harbormaster.worker;

/** What {@link WorkQueue#offer} did with an item. Offers never wait. */
public enum OfferResult {
  /** Queued. */
  ENQUEUED,
  /** An item with the same key was queued and has been replaced by this one. */
  REPLACED,
  /** The key is queued, in flight, or finished within the dedup TTL: nothing to do. */
  DEDUPLICATED,
  /** The queue is full: the item was dropped and counted. */
  DROPPED,
  /** The queue is stopping or stopped: the item was not accepted. */
  STOPPED;

  /** Whether the item (or the one it joined) will be worked on. */
  public boolean accepted() {
    return this != DROPPED && this != STOPPED;
  }
}
