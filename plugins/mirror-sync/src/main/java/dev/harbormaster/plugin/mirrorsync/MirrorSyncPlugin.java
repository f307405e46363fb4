package dev.harbormaster.plugin.mirrorsync;

import dev.harbormaster.plugin.mirrorsync.config.LeaderElectionConfig;
import dev.harbormaster.plugin.mirrorsync.config.MirrorSyncConfig;
import dev.harbormaster.plugin.mirrorsync.copy.CopyListener;
import dev.harbormaster.plugin.mirrorsync.copy.CopyOutcome;
import dev.harbormaster.plugin.mirrorsync.copy.SyncItem;
import dev.harbormaster.plugin.mirrorsync.lease.LeaderGate;
import dev.harbormaster.plugin.mirrorsync.lease.LeaseElector;
import dev.harbormaster.plugin.mirrorsync.status.SyncMetrics;
import dev.harbormaster.plugin.mirrorsync.status.SyncStatus;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.AdmissionPlugin;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.Scope;
import dev.harbormaster.worker.RetryPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code mirror-sync} plugin: keeps a registry in sync with upstream repositories (issue 6;
 * user documentation in {@code docs/plugins/mirror-sync.md}). In the host it runs a pass every
 * {@code interval} on the replica holding the Lease, and (validating scope, always allows) queues
 * images of admitted workloads that match a mirror. {@link MirrorCommand} runs one pass from the
 * command line.
 */
@Extension
public final class MirrorSyncPlugin implements AdmissionPlugin<MirrorSyncConfig> {
  private static final Logger LOG = LoggerFactory.getLogger(MirrorSyncPlugin.class);

  /** Needed by PF4J, which instantiates extensions reflectively. */
  public MirrorSyncPlugin() {}

  @Override
  public Class<MirrorSyncConfig> configType() {
    return MirrorSyncConfig.class;
  }

  /** Validating only: the plugin never changes objects and always allows. */
  @Override
  public Set<Scope> scopes() {
    return Set.of(Scope.VALIDATING);
  }

  @Override
  public AdmissionHandler start(MirrorSyncConfig config, PluginContext context) {
    String instance = context.instanceName();
    SyncMetrics metrics = new SyncMetrics(context.meterRegistry(), context.meterTags());
    MirrorSync sync =
        new MirrorSync(
            config,
            context.configDirectory(),
            instance,
            metrics,
            NO_PROGRESS,
            RetryPolicy.DEFAULT,
            Clock.systemUTC());
    metrics.bindQueue(sync::queueStats);
    Optional<KubernetesClient> kubernetes =
        config.leaderElection().enabled()
            ? Optional.of(
                // the factory named explicitly: PF4J's context class loader may not see the
                // plugin's META-INF/services entry for it
                new KubernetesClientBuilder()
                    .withHttpClientFactory(new JdkHttpClientFactory())
                    .build())
            : Optional.empty();
    Optional<LeaseElector> elector =
        kubernetes.map(k -> elector(k, config.leaderElection(), instance));
    LeaderGate gate = elector.<LeaderGate>map(e -> e).orElse(LeaderGate.always());
    PassRunner runner =
        new PassRunner(instance, sync, gate, context, context.instanceDryRun(), config.interval());
    Optional<ScheduledFuture<?>> leaseTask =
        elector.map(
            e ->
                context
                    .scheduler()
                    .scheduleWithFixedDelay(
                        e::tryAcquireOrRenew,
                        0,
                        config.leaderElection().renewPeriod().toMillis(),
                        TimeUnit.MILLISECONDS));
    // With an election, check every renew period so that a new leader syncs at once; a pass
    // still starts at most once per interval.
    long tick =
        elector.isPresent()
            ? config.leaderElection().renewPeriod().toMillis()
            : config.interval().toMillis();
    ScheduledFuture<?> passes =
        context
            .scheduler()
            .scheduleWithFixedDelay(runner::startPass, 0, tick, TimeUnit.MILLISECONDS);
    AdmissionQueuer queuer =
        new AdmissionQueuer(
            config.onAdmission() ? config.mirrors() : java.util.List.of(),
            sync::offerFromAdmission,
            context.instanceDryRun());
    runner.publish();
    ScheduledFuture<?> statusTask =
        context.scheduler().scheduleAtFixedRate(runner::publish, 10, 10, TimeUnit.SECONDS);
    LOG.info(
        "{}: mirroring {} repositories into {} every {}{}",
        instance,
        config.mirrors().size(),
        config.target().registry(),
        config.interval(),
        elector.isPresent() ? " (when holding the lease)" : "");
    return new AdmissionHandler() {
      @Override
      public Decision review(Review review) {
        return queuer.review(review);
      }

      @Override
      public void stop(Duration deadline) throws Exception {
        passes.cancel(true);
        statusTask.cancel(false);
        leaseTask.ifPresent(t -> t.cancel(false));
        sync.drain(deadline);
        elector.ifPresent(LeaseElector::release);
        kubernetes.ifPresent(KubernetesClient::close);
        runner.publish();
      }
    };
  }

  private static LeaseElector elector(
      KubernetesClient client, LeaderElectionConfig c, String instance) {
    String namespace =
        c.namespace()
            .or(MirrorSyncPlugin::podNamespace)
            .orElse(Optional.ofNullable(client.getNamespace()).orElse("default"));
    String identity =
        c.identity()
            .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
            .orElse("harbormaster-" + ProcessHandle.current().pid());
    return new LeaseElector(
        client,
        namespace,
        c.leaseName().orElse("harbormaster-mirror-sync-" + instance),
        identity,
        c.leaseDuration(),
        Clock.systemUTC());
  }

  private static Optional<String> podNamespace() {
    Path file = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
    try {
      return Files.isReadable(file)
          ? Optional.of(Files.readString(file).strip())
          : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  private static final CopyListener NO_PROGRESS =
      new CopyListener() {
        @Override
        public void copied(SyncItem item, CopyOutcome outcome) {}

        @Override
        public void failed(SyncItem item, String reason, String message, boolean willRetry) {
          if (!willRetry) {
            LOG.warn("copy to {} failed ({}): {}", item.target().full(), reason, message);
          }
        }
      };

  /** Runs passes on a virtual thread, one at a time, only while leading; publishes status. */
  static final class PassRunner {
    private final String instance;
    private final MirrorSync sync;
    private final LeaderGate gate;
    private final PluginContext context;
    private final boolean dryRun;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<Optional<Instant>> started =
        new AtomicReference<>(Optional.empty());
    private final AtomicReference<Optional<Instant>> finished =
        new AtomicReference<>(Optional.empty());

    PassRunner(
        String instance,
        MirrorSync sync,
        LeaderGate gate,
        PluginContext context,
        boolean dryRun,
        Duration interval) {
      this.instance = instance;
      this.interval = interval;
      this.sync = sync;
      this.gate = gate;
      this.context = context;
      this.dryRun = dryRun;
    }

    /** Starts a pass when leading, none is running and the last one started an interval ago. */
    void startPass() {
      publish();
      Optional<Instant> last = started.get();
      boolean due = last.isEmpty() || !last.get().plus(interval).isAfter(sync.clock().instant());
      if (!due || !gate.isLeader() || !running.compareAndSet(false, true)) {
        return;
      }
      started.set(Optional.of(sync.clock().instant()));
      Thread.ofVirtual().name(instance + "-pass").start(this::pass);
    }

    private void pass() {
      try {
        var plans = sync.plan();
        if (!dryRun) { // audit mode: plan and report, copy nothing
          sync.enqueue(plans);
        }
        finished.set(Optional.of(sync.clock().instant()));
        sync.saveState();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.warn("{}: sync pass failed", instance, e);
      } finally {
        running.set(false);
        publish();
      }
    }

    void publish() {
      Optional<Instant> s = started.get();
      Optional<Instant> f = finished.get();
      Optional<Long> took =
          s.isPresent() && f.isPresent() && !f.get().isBefore(s.get())
              ? Optional.of(Duration.between(s.get(), f.get()).toMillis())
              : Optional.empty();
      context
          .status()
          .publish(
              new SyncStatus(
                  gate.isLeader(),
                  running.get(),
                  s.map(Instant::toString),
                  f.map(Instant::toString),
                  took,
                  sync.ledger().snapshot(),
                  sync.queueStats()));
    }
  }
}
