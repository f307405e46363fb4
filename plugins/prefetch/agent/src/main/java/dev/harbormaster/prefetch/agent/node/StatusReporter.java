package dev.harbormaster.prefetch.agent.node;

import dev.harbormaster.prefetch.model.NodeReport;
import dev.harbormaster.prefetch.model.PrefetchNodeStatus;
import dev.harbormaster.prefetch.model.ServerSideApply;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes this node's {@code PrefetchNodeStatus} with server-side apply: only when the report
 * changed since the last successful write, and at most once per {@code minInterval} (a change
 * inside the interval is written by a later {@link #maybeWrite}).
 */
public final class StatusReporter {
  /** The field manager of the agent's writes. */
  public static final String FIELD_MANAGER = "harbormaster-prefetch-agent";

  private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);

  private final KubernetesClient client;
  private final Duration minInterval;
  private final InstantSource clock;
  private Optional<NodeReport> written = Optional.empty();
  private Instant lastWrite = Instant.MIN;
  private long writes;

  /** A reporter writing through {@code client} at most once per {@code minInterval}. */
  public StatusReporter(KubernetesClient client, Duration minInterval, InstantSource clock) {
    this.client = client;
    this.minInterval = minInterval;
    this.clock = clock;
  }

  /**
   * Writes {@code report} when it differs from the last one written and the interval has passed.
   *
   * @return whether a write was made
   */
  public synchronized boolean maybeWrite(NodeReport report) {
    if (written.isPresent() && written.get().equals(report)) {
      return false;
    }
    Instant now = clock.instant();
    if (lastWrite != Instant.MIN && now.isBefore(lastWrite.plus(minInterval))) {
      return false;
    }
    try {
      ServerSideApply.apply(
          client, PrefetchNodeStatus.of(report.nodeName(), report), FIELD_MANAGER);
    } catch (KubernetesClientException e) {
      LOG.warn("writing PrefetchNodeStatus {} failed: {}", report.nodeName(), e.getMessage());
      return false;
    }
    written = Optional.of(report);
    lastWrite = now;
    writes++;
    return true;
  }

  /** Successful writes so far. */
  public synchronized long writes() {
    return writes;
  }
}
