package dev.harbormaster.spi;

/**
 * Publishes an instance's status document, served by the host at {@code GET
 * /plugins/{instance}/status}.
 */
@FunctionalInterface
public interface StatusPublisher {
  /**
   * Replaces the status document.
   *
   * @param status a record, map or JSON tree; serialised with Jackson when served
   */
  void publish(Object status);
}
