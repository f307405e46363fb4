package dev.harbormaster.worker;

import java.util.Objects;

/**
 * One item offered to a {@link WorkQueue}.
 *
 * @param key the deduplication key (two offers with the same key are one piece of work)
 * @param host what the per-host concurrency limit counts (e.g. a registry {@code host:port})
 * @param priority higher runs first; equal priorities run in offer order
 * @param item the payload handed to the task
 * @param <T> the payload type
 */
public record WorkOffer<T>(String key, String host, int priority, T item) {
  /** Rejects nulls and blank keys. */
  public WorkOffer {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(item, "item");
    if (key.isBlank()) {
      throw new IllegalArgumentException("work key must not be blank");
    }
  }

  /** An offer of priority 0. */
  public static <T> WorkOffer<T> of(String key, String host, T item) {
    return new WorkOffer<>(key, host, 0, item);
  }
}
