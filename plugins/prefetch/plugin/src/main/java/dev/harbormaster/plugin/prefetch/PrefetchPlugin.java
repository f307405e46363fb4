package dev.harbormaster.plugin.prefetch;

import dev.harbormaster.plugin.prefetch.config.PrefetchConfig;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import dev.harbormaster.worker.QueueStats;
import dev.harbormaster.worker.RetryPolicy;
import dev.harbormaster.worker.WorkQueue;
import dev.harbormaster.worker.WorkQueueSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.pf4j.Extension;

/**
 * The {@code prefetch} plugin: asks node agents to pull the images of admitted workloads before
 * their pods need them (issue 7; user documentation in {@code docs/plugins/prefetch.md}; facts in
 * {@code notes/cri.md}).
 *
 * <pre>{@code
 * instances:
 *   - name: prefetch
 *     plugin: prefetch
 *     scope: validating
 *     match: { kinds: [Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob], operations: [CREATE, UPDATE] }
 *     config:
 *       namespace: harbormaster-system
 *       nodeSelector: { node-role.kubernetes.io/worker: "" }
 * }</pre>
 */
@Extension
public final class PrefetchPlugin implements AdmissionPlugin<PrefetchConfig> {

  /** Needed by PF4J, which instantiates extensions reflectively. */
  public PrefetchPlugin() {}

  @Override
  public Class<PrefetchConfig> configType() {
    return PrefetchConfig.class;
  }

  /** Validating only: prefetching never changes objects and always allows. */
  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.VALIDATING);
  }

  @Override
  public AdmissionHandler start(PrefetchConfig config, PluginContext context) {
    // The HTTP client factory is named explicitly: fabric8 otherwise looks it up with
    // ServiceLoader on the thread's context class loader, which is the host's, not this plugin's.
    // Few client-side retries: the write queue retries with its own backoff, and a request
    // retried for minutes inside fabric8 would hold a writer.
    io.fabric8.kubernetes.client.Config api =
        new io.fabric8.kubernetes.client.ConfigBuilder(
                io.fabric8.kubernetes.client.Config.autoConfigure(null))
            .withRequestRetryBackoffLimit(2)
            .withRequestTimeout(15_000)
            .build();
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(api)
            .withHttpClientFactory(new io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory())
            .build();
    return start(config, context, client, Clock.systemUTC());
  }

  /** Starts an instance on {@code client} (tests pass the mock API server's client). */
  static AdmissionHandler start(
      PrefetchConfig config, PluginContext context, KubernetesClient client, Clock clock) {
    String instance = context.instanceName();
    PrefetchMetrics metrics = new PrefetchMetrics(context.meterRegistry(), context.meterTags());
    Optional<WorkQueue<PrefetchRequest>> queue = Optional.empty();
    RecentIntents recent = new RecentIntents(20);
    Runnable[] publisher = {() -> {}}; // set below, once the queue exists
    if (!context.instanceDryRun()) {
      WorkQueueSettings settings =
          WorkQueueSettings.defaults()
              .withCapacity(config.queueCapacity())
              .withWorkers(config.writers(), config.writers())
              .withDedupTtl(Duration.ZERO)
              .withReplaceQueued(true) // a newer admission of the same workload wins
              .withRetry(new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(1)));
      IntentWriter writer =
          new IntentWriter(
              client,
              config.namespace(),
              instance,
              config.ttl().toSeconds(),
              config.copyPullSecrets(),
              clock,
              metrics,
              recent);
      queue =
          Optional.of(
              WorkQueue.builder(writer)
                  .settings(settings)
                  .name(instance)
                  .listener((offer, outcome, completion) -> publisher[0].run())
                  .start());
    }
    StatusAggregator aggregator = new StatusAggregator(client, config.namespace(), instance, clock);
    Optional<WorkQueue<PrefetchRequest>> q = queue;
    QueueStats idle = new QueueStats(0, 0, 0, config.queueCapacity(), 0, 0, 0, 0, 0, 0, 0, 0, 0);
    Runnable publish =
        () ->
            context
                .status()
                .publish(
                    new PrefetchStatus(
                        config.namespace(),
                        context.instanceDryRun(),
                        q.map(WorkQueue::stats).orElse(idle),
                        metrics.writtenCount.get(),
                        metrics.failedCount.get(),
                        aggregator.last(),
                        recent.list()));
    publisher[0] = publish;
    publish.run();
    long period = config.aggregateInterval().toMillis();
    ScheduledFuture<?> aggregation =
        context
            .scheduler()
            .scheduleWithFixedDelay(
                () -> {
                  publish.run(); // the queue's gauges, even while the API server is slow
                  if (!context.instanceDryRun()) {
                    aggregator.run();
                  }
                  publish.run();
                },
                period,
                period,
                TimeUnit.MILLISECONDS);
    return new PrefetchHandler(
        new RequestExtractor(config.nodeSelector()), queue, metrics, client, aggregation);
  }
}
