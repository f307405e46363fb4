package dev.harbormaster.prefetch.agent.node;

import dev.harbormaster.prefetch.model.ImagePrefetch;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent: watches ImagePrefetch objects and Secrets in its namespace (informers), keeps
 * the intents whose node selector matches its Node's labels, feeds them to the {@link
 * NodePullLoop}, and reports through the {@link StatusReporter}. Events only mark the intents
 * dirty; one scheduler thread reconciles on its next tick, so a burst of events is one reconcile.
 */
public final class NodeAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);

  private final KubernetesClient client;
  private final NodePullLoop loop;
  private final StatusReporter reporter;
  private final String runtime;
  private final AgentSettings settings;
  private final InstantSource clock;
  private final AtomicBoolean dirty = new AtomicBoolean(true);
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("prefetch-agent").daemon().factory());
  private volatile Map<String, String> nodeLabels = Map.of();
  private Instant labelsRead = Instant.MIN;
  private SharedIndexInformer<ImagePrefetch> prefetches;
  private SharedIndexInformer<Secret> secrets;

  /**
   * An agent for {@code settings.nodeName()}.
   *
   * @param runtime the runtime's name and version, reported
   */
  public NodeAgent(
      KubernetesClient client,
      NodePullLoop loop,
      StatusReporter reporter,
      String runtime,
      AgentSettings settings,
      InstantSource clock) {
    this.client = client;
    this.loop = loop;
    this.reporter = reporter;
    this.runtime = runtime;
    this.settings = settings;
    this.clock = clock;
  }

  /** Reads the node's labels, starts the informers and the tick. */
  public void start() {
    readLabels();
    ResourceEventHandler<Object> markDirty =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Object obj) {
            dirty.set(true);
          }

          @Override
          public void onUpdate(Object oldObj, Object newObj) {
            dirty.set(true);
          }

          @Override
          public void onDelete(Object obj, boolean deletedFinalStateUnknown) {
            dirty.set(true);
          }
        };
    prefetches =
        client
            .resources(ImagePrefetch.class)
            .inNamespace(settings.namespace())
            .inform(cast(markDirty), 0);
    secrets = client.secrets().inNamespace(settings.namespace()).inform(cast(markDirty), 0);
    long period = settings.tickInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
  }

  @SuppressWarnings("unchecked")
  private static <T> ResourceEventHandler<T> cast(ResourceEventHandler<Object> h) {
    return (ResourceEventHandler<T>) (ResourceEventHandler<?>) h;
  }

  private void tick() {
    try {
      if (!clock.instant().isBefore(labelsRead.plus(settings.labelRefresh()))) {
        dirty.set(readLabels() || dirty.get());
      }
      if (dirty.getAndSet(false)) {
        loop.reconcile(
            IntentResolver.resolve(nodeLabels, prefetches.getStore().list(), this::secret));
      } else {
        loop.tick();
      }
      reporter.maybeWrite(loop.report(settings.nodeName(), runtime));
    } catch (RuntimeException e) {
      LOG.warn("agent tick failed", e); // keep ticking: the next one retries
    }
  }

  private Optional<Secret> secret(String name) {
    return Optional.ofNullable(secrets.getStore().getByKey(settings.namespace() + "/" + name));
  }

  /** Re-reads the node's labels; true when they changed. */
  private boolean readLabels() {
    labelsRead = clock.instant();
    try {
      Node node = client.nodes().withName(settings.nodeName()).get();
      if (node == null) {
        LOG.warn(
            "node {} not found; no ImagePrefetch with a node selector applies",
            settings.nodeName());
        return false;
      }
      Map<String, String> labels =
          node.getMetadata().getLabels() == null
              ? Map.of()
              : Map.copyOf(node.getMetadata().getLabels());
      boolean changed = !labels.equals(nodeLabels);
      nodeLabels = labels;
      return changed;
    } catch (KubernetesClientException e) {
      LOG.warn("reading node {} failed: {}", settings.nodeName(), e.getMessage());
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    scheduler.shutdownNow();
    scheduler.awaitTermination(5, TimeUnit.SECONDS);
    if (prefetches != null) {
      prefetches.close();
    }
    if (secrets != null) {
      secrets.close();
    }
    loop.close();
  }
}
