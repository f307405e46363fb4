package dev.harbormaster.worker;

import java.util.function.Predicate;

/**
 * One attempt at an item, as the task sees it.
 *
 * @param <T> the payload type
 */
public final class Attempt<T> {
  private final WorkOffer<T> offer;
  private final int number;
  private final Predicate<String> claimer;

  Attempt(WorkOffer<T> offer, int number, Predicate<String> claimer) {
    this.offer = offer;
    this.number = number;
    this.claimer = claimer;
  }

  /** The payload. */
  public T item() {
    return offer.item();
  }

  /** The item's key. */
  public String key() {
    return offer.key();
  }

  /** The item's host. */
  public String host() {
    return offer.host();
  }

  /** 1 for the first attempt, 2 for the first retry, ... */
  public int number() {
    return number;
  }

  /**
   * Claims a second key for this item, learnt while working (e.g. the digest a tag resolved to):
   * while the item runs and for the dedup TTL after it succeeds, offers of {@code alias} are
   * deduplicated; a queued item with that key is absorbed by this one. If the item fails for good,
   * the alias is released.
   *
   * @return true when this item now owns the alias (go on); false when the alias is in flight
   *     elsewhere or finished within the TTL (the work is done or being done: skip it)
   */
  public boolean claim(String alias) {
    return claimer.test(alias);
  }
}
