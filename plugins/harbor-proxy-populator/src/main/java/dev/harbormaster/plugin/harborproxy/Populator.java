package dev.harbormaster.plugin.harborproxy;

import dev.harbormaster.plugin.harborproxy.mapping.HarborMapper;
import dev.harbormaster.plugin.harborproxy.mapping.WarmTarget;
import dev.harbormaster.plugin.harborproxy.warming.RecentResults;
import dev.harbormaster.plugin.harborproxy.warming.WarmJob;
import dev.harbormaster.plugin.harborproxy.warming.WarmResult;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Review;
import dev.harbormaster.worker.OfferResult;
import dev.harbormaster.worker.WorkOffer;
import dev.harbormaster.worker.WorkQueue;
import dev.harbormaster.workload.ContainerImage;
import dev.harbormaster.workload.ImageCachingPolicy;
import dev.harbormaster.workload.MirrorPods;
import dev.harbormaster.workload.PodTemplate;
import dev.harbormaster.workload.WorkloadKind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admission side: finds the images of every container kind of a Pod or workload template, maps
 * them to Harbor references and offers them to the queue. Always allows. Does no network I/O and
 * never waits: offers are in-memory and a full queue drops. In dry run (the request's, or the
 * instance's audit mode) nothing is offered: the status document, the log and an audit annotation
 * say what would be warmed.
 */
final class Populator {
  private static final Logger LOG = LoggerFactory.getLogger(Populator.class);

  private final String instance;
  private final HarborMapper mapper;
  private final Optional<WorkQueue<WarmJob>> queue;
  private final PopulatorMetrics metrics;
  private final RecentResults recent;
  private final Clock clock;

  /**
   * @param queue the queue; empty when the instance is in dry-run (audit) mode
   */
  Populator(
      String instance,
      HarborMapper mapper,
      Optional<WorkQueue<WarmJob>> queue,
      PopulatorMetrics metrics,
      RecentResults recent,
      Clock clock) {
    this.instance = instance;
    this.mapper = mapper;
    this.queue = queue;
    this.metrics = metrics;
    this.recent = recent;
    this.clock = clock;
  }

  Decision review(Review review) {
    Decision allow = Decision.allow();
    if (review.object().isEmpty()) {
      return allow;
    }
    ObjectNode object = review.object().get();
    String kind = review.kind().kind();
    Optional<PodTemplate> template = PodTemplate.find(kind, object);
    if (template.isEmpty()) {
      return allow;
    }
    if (ImageCachingPolicy.isIgnored(kind, object)
        || (WorkloadKind.of(kind).map(WorkloadKind::isPod).orElse(false)
            && MirrorPods.isMirrorPod(object))) {
      template.get().containers().forEach(c -> metrics.image("ignored"));
      return allow;
    }
    Map<String, WarmTarget> targets = targets(template.get().containers());
    if (targets.isEmpty()) {
      return allow;
    }
    if (review.dryRun() || queue.isEmpty()) {
      return dryRun(review, targets.values().stream().toList(), allow);
    }
    for (WarmTarget t : targets.values()) {
      OfferResult r =
          queue.get().offer(new WorkOffer<>(t.key(), t.upstreamKey(), 0, new WarmJob(t)));
      metrics.image(r.name().toLowerCase(java.util.Locale.ROOT));
    }
    return allow;
  }

  private Map<String, WarmTarget> targets(List<ContainerImage> containers) {
    Map<String, WarmTarget> targets = new LinkedHashMap<>();
    for (ContainerImage c : containers) {
      switch (mapper.map(c.image())) {
        case HarborMapper.Mapped m -> targets.putIfAbsent(m.target().key(), m.target());
        case HarborMapper.NotMapped n -> {
          metrics.image(n.why().reason().equals("invalid") ? "invalid" : "unmapped");
          LOG.debug("{}: {} not warmed: {}", instance, c.describe(), n.why().detail());
        }
      }
    }
    return targets;
  }

  private Decision dryRun(Review review, List<WarmTarget> targets, Decision allow) {
    String at = clock.instant().toString();
    for (WarmTarget t : targets) {
      metrics.image("dry-run");
      recent.add(
          new WarmResult(
              t.harbor().full(),
              t.source().full(),
              "would-warm",
              "none",
              review.dryRun() ? "request dry run" : "instance dry run",
              List.of(),
              List.of(),
              "",
              0,
              0,
              0,
              List.of(),
              0,
              0,
              0,
              at));
    }
    List<String> refs = targets.stream().map(t -> t.harbor().full()).toList();
    LOG.info(
        "{}: dry run ({}): would warm {} for {} {}",
        instance,
        review.dryRun() ? "request" : "instance",
        refs,
        review.kind().kind(),
        review.displayName());
    return allow.withAuditAnnotation("would-warm", String.join(",", refs));
  }
}
