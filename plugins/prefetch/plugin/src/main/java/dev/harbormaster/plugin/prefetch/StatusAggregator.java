package dev.harbormaster.plugin.prefetch;

import dev.harbormaster.prefetch.model.ImagePrefetch;
import dev.harbormaster.prefetch.model.ImagePrefetchSpec;
import dev.harbormaster.prefetch.model.ImagePrefetchStatus;
import dev.harbormaster.prefetch.model.ImageSummary;
import dev.harbormaster.prefetch.model.NodeImage;
import dev.harbormaster.prefetch.model.NodeReport;
import dev.harbormaster.prefetch.model.PrefetchNodeStatus;
import dev.harbormaster.prefetch.model.PullPhase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregates the nodes' PrefetchNodeStatus reports into each ImagePrefetch's status (per image,
 * nodes in each phase and at most {@value ImageSummary#MAX_FAILING_NODES} failing node names),
 * writing only statuses that changed; and deletes intents whose TTL has passed since their last
 * write.
 */
final class StatusAggregator {
  private static final Logger LOG = LoggerFactory.getLogger(StatusAggregator.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String instance;
  private final Clock clock;
  private volatile Summary last = new Summary(0, 0, 0, "");

  /**
   * What the last run saw, for the instance's status document.
   *
   * @param intents ImagePrefetch objects of this instance
   * @param nodes node reports read
   * @param statusWrites statuses written in that run
   * @param at when it ran (empty before the first run)
   */
  record Summary(int intents, int nodes, int statusWrites, String at) {}

  StatusAggregator(KubernetesClient client, String namespace, String instance, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.instance = instance;
    this.clock = clock;
  }

  Summary last() {
    return last;
  }

  /** One pass; failures are logged and the next pass tries again. */
  void run() {
    try {
      List<NodeReport> reports =
          client.resources(PrefetchNodeStatus.class).list().getItems().stream()
              .map(PrefetchNodeStatus::getSpec)
              .filter(Objects::nonNull)
              .toList();
      List<ImagePrefetch> intents =
          client
              .resources(ImagePrefetch.class)
              .inNamespace(namespace)
              .withLabel(ImagePrefetch.MANAGED_BY_LABEL, instance)
              .list()
              .getItems();
      int writes = 0;
      for (ImagePrefetch p : intents) {
        if (expired(p)) {
          client.resource(p).delete();
          continue;
        }
        ImagePrefetchStatus status = aggregate(p.getSpec(), reports);
        if (!status.equals(p.getStatus())) {
          p.setStatus(status);
          client.resource(p).updateStatus();
          writes++;
        }
      }
      last = new Summary(intents.size(), reports.size(), writes, clock.instant().toString());
    } catch (KubernetesClientException e) {
      LOG.warn(
          "{}: aggregating node reports failed: {}{}",
          instance,
          e.getMessage(),
          e.getCause() == null ? "" : " (" + e.getCause() + ")");
    }
  }

  private boolean expired(ImagePrefetch p) {
    long ttl = p.getSpec() == null ? 0 : p.getSpec().ttlSeconds();
    String updated =
        p.getMetadata().getAnnotations() == null
            ? null
            : p.getMetadata().getAnnotations().get(IntentWriter.UPDATED_ANNOTATION);
    if (ttl == 0 || updated == null) {
      return false;
    }
    try {
      return clock.instant().isAfter(Instant.parse(updated).plus(Duration.ofSeconds(ttl)));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Per image of {@code spec}: the phases of the nodes reporting it. */
  static ImagePrefetchStatus aggregate(ImagePrefetchSpec spec, List<NodeReport> reports) {
    List<ImageSummary> images = new ArrayList<>();
    int nodes = 0;
    for (NodeReport r : reports) {
      if (r.images().stream().anyMatch(i -> spec.images().contains(i.image()))) {
        nodes++;
      }
    }
    for (String image : spec.images()) {
      int[] counts = new int[PullPhase.values().length];
      List<String> failing = new ArrayList<>();
      for (NodeReport r : reports) {
        for (NodeImage i : r.images()) {
          if (i.image().equals(image)) {
            counts[i.phase().ordinal()]++;
            if (i.phase() == PullPhase.Failed || i.phase() == PullPhase.Error) {
              failing.add(r.nodeName());
            }
          }
        }
      }
      images.add(
          new ImageSummary(
              image,
              counts[PullPhase.Pending.ordinal()],
              counts[PullPhase.Pulling.ordinal()],
              counts[PullPhase.Available.ordinal()],
              counts[PullPhase.Failed.ordinal()],
              counts[PullPhase.Error.ordinal()],
              failing.stream().sorted().limit(ImageSummary.MAX_FAILING_NODES).toList()));
    }
    return new ImagePrefetchStatus(nodes, images);
  }
}
