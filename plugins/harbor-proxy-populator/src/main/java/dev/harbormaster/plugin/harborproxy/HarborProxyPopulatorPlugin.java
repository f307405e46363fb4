package dev.harbormaster.plugin.harborproxy;

import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.plugin.harborproxy.config.PopulatorConfig;
import dev.harbormaster.plugin.harborproxy.mapping.HarborMapper;
import dev.harbormaster.plugin.harborproxy.warming.ImageWarmer;
import dev.harbormaster.plugin.harborproxy.warming.ProxyCacheWarmer;
import dev.harbormaster.plugin.harborproxy.warming.RecentResults;
import dev.harbormaster.plugin.harborproxy.warming.SimulatedWarmer;
import dev.harbormaster.plugin.harborproxy.warming.WarmJob;
import dev.harbormaster.plugin.harborproxy.warming.WarmTask;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.ConfigProblem;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.Scope;
import dev.harbormaster.worker.QueueStats;
import dev.harbormaster.worker.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code harbor-proxy-populator} plugin: when a workload is admitted, warms the Harbor proxy
 * cache for its images in the background (issue 5; user documentation in {@code
 * docs/plugins/harbor-proxy-populator.md}; facts in {@code notes/harbor-proxy-cache.md}).
 *
 * <pre>{@code
 * instances:
 *   - name: warm-harbor
 *     plugin: harbor-proxy-populator
 *     scope: validating
 *     match: { kinds: [Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob], operations: [CREATE, UPDATE] }
 *     config:
 *       harbor: { url: https://harbor.example.com }
 *       projects:
 *         - { registry: docker.io, project: dockerhub-proxy }
 *       platforms: [linux/amd64, linux/arm64]
 *       mode: full
 * }</pre>
 */
@Extension
public final class HarborProxyPopulatorPlugin implements AdmissionPlugin<PopulatorConfig> {
  private static final Logger LOG = LoggerFactory.getLogger(HarborProxyPopulatorPlugin.class);

  /** Needed by PF4J, which instantiates extensions reflectively. */
  public HarborProxyPopulatorPlugin() {}

  @Override
  public Class<PopulatorConfig> configType() {
    return PopulatorConfig.class;
  }

  /** Validating only: the populator never changes objects and always allows. */
  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.VALIDATING);
  }

  @Override
  public List<ConfigProblem> validate(PopulatorConfig config) {
    try {
      new HarborMapper(config.harbor().host(), config.projects());
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(new ConfigProblem("projects", e.getMessage()));
    }
  }

  @Override
  public AdmissionHandler start(PopulatorConfig config, PluginContext context) {
    String instance = context.instanceName();
    HarborMapper mapper = new HarborMapper(config.harbor().host(), config.projects());
    PopulatorMetrics metrics = new PopulatorMetrics(context.meterRegistry(), context.meterTags());
    RecentResults recent = new RecentResults(config.recentResults());
    Clock clock = Clock.systemUTC();
    boolean dryRun = context.instanceDryRun();
    Optional<WorkQueue<WarmJob>> queue = Optional.empty();
    Runnable[] publish = {() -> {}};
    if (!dryRun) { // audit mode: no client, no queue, no request at all
      ImageWarmer warmer = warmer(config, context);
      queue =
          Optional.of(
              WorkQueue.builder(new WarmTask(warmer, config.harbor().maxRetryAfter()))
                  .settings(config.queue().settings())
                  .name(instance)
                  .listener(
                      new ResultRecorder(instance, recent, metrics, () -> publish[0].run(), clock))
                  .start());
    }
    Optional<WorkQueue<WarmJob>> q = queue;
    QueueStats idle = new QueueStats(0, 0, 0, config.queue().capacity(), 0, 0, 0, 0, 0, 0, 0, 0, 0);
    publish[0] =
        () ->
            context
                .status()
                .publish(
                    new PopulatorStatus(
                        config.harbor().host(),
                        config.mode().configName(),
                        config.platforms(),
                        dryRun,
                        config.simulate().isPresent(),
                        q.map(WorkQueue::stats).orElse(idle),
                        recent.snapshot()));
    metrics.bindQueue(() -> q.map(WorkQueue::stats).orElse(idle));
    publish[0].run();
    long period = config.statusInterval().toMillis();
    ScheduledFuture<?> statusTask =
        context.scheduler().scheduleAtFixedRate(publish[0], period, period, TimeUnit.MILLISECONDS);
    Populator populator = new Populator(instance, mapper, queue, metrics, recent, clock);
    LOG.info(
        "{}: warming through {} ({} mode, platforms {}){}",
        instance,
        config.harbor().host(),
        config.mode().configName(),
        config.platforms(),
        dryRun ? " in dry-run mode: nothing is sent" : "");
    return new AdmissionHandler() {
      @Override
      public Decision review(Review review) {
        try {
          return populator.review(review);
        } catch (RuntimeException e) { // the populator always allows, even when it has a bug
          metrics.image("error");
          LOG.warn(
              "{}: could not look at {} {}",
              instance,
              review.kind().kind(),
              review.displayName(),
              e);
          return Decision.allow();
        }
      }

      @Override
      public void stop(Duration deadline) throws InterruptedException {
        statusTask.cancel(false);
        if (q.isPresent()) {
          q.get().stop(deadline); // logs what was left undone, by reference
        }
        publish[0].run();
      }
    };
  }

  private static ImageWarmer warmer(PopulatorConfig config, PluginContext context) {
    if (config.simulate().isPresent()) {
      LOG.warn(
          "{}: simulate is set: warming is replaced by a {} delay, nothing is sent to Harbor",
          context.instanceName(),
          config.simulate().get().delay());
      return new SimulatedWarmer(config.simulate().get().delay());
    }
    RegistryClient client =
        HarborClients.create(config.harbor(), context.configDirectory(), context.instanceName());
    return new ProxyCacheWarmer(
        client, config.parsedPlatforms(), config.mode(), config.verify(), config.blobConcurrency());
  }
}
