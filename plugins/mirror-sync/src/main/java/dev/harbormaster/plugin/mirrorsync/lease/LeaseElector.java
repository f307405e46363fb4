package dev.harbormaster.plugin.mirrorsync.lease;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election with a {@code coordination.k8s.io/v1} Lease, as client-go's leader election does:
 * the holder renews {@code spec.renewTime} every renew period; another replica takes the lease over
 * only when {@code renewTime + leaseDurationSeconds} has passed. Every write carries the {@code
 * resourceVersion} it read, so two contenders racing for the same lease cannot both win (the loser
 * gets 409 Conflict). The Lease is handled as a generic resource, so no model class beyond the
 * host's is needed.
 *
 * <p>A leader that could not renew for a whole lease duration stops calling itself leader, before
 * anyone else can take over.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/concepts/architecture/leases/#leader-election">Kubernetes:
 *     leases for leader election</a>
 */
public final class LeaseElector implements LeaderGate {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseElector.class);
  private static final ResourceDefinitionContext LEASES =
      new ResourceDefinitionContext.Builder()
          .withGroup("coordination.k8s.io")
          .withVersion("v1")
          .withKind("Lease")
          .withPlural("leases")
          .withNamespaced(true)
          .build();
  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final String identity;
  private final Duration leaseDuration;
  private final Clock clock;
  private volatile Optional<Instant> renewedAt = Optional.empty();

  /**
   * @param client the Kubernetes client
   * @param namespace the Lease's namespace
   * @param name the Lease's name
   * @param identity this contender
   * @param leaseDuration how long a lease holds without renewal
   * @param clock for lease times
   */
  public LeaseElector(
      KubernetesClient client,
      String namespace,
      String name,
      String identity,
      Duration leaseDuration,
      Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.identity = identity;
    this.leaseDuration = leaseDuration;
    this.clock = clock;
  }

  @Override
  public boolean isLeader() {
    return renewedAt.map(at -> at.plus(leaseDuration).isAfter(clock.instant())).orElse(false);
  }

  /**
   * Acquires, renews or observes the lease once (called every renew period).
   *
   * @return whether this contender holds the lease now
   */
  public boolean tryAcquireOrRenew() {
    Instant now = clock.instant();
    try {
      var leases = client.genericKubernetesResources(LEASES).inNamespace(namespace);
      GenericKubernetesResource lease = leases.withName(name).get();
      if (lease == null) {
        leases.resource(newLease(now)).create();
        return won(now, "created");
      }
      Map<String, Object> spec = spec(lease);
      String holder = String.valueOf(spec.getOrDefault("holderIdentity", ""));
      if (holder.equals(identity)) {
        spec.put("renewTime", MICRO_TIME.format(now));
        spec.put("leaseDurationSeconds", leaseDuration.toSeconds());
        leases.resource(lease).update();
        return won(now, null);
      }
      if (!holder.isEmpty() && !expired(spec, now)) {
        return lost(holder);
      }
      spec.put("holderIdentity", identity);
      spec.put("acquireTime", MICRO_TIME.format(now));
      spec.put("renewTime", MICRO_TIME.format(now));
      spec.put("leaseDurationSeconds", leaseDuration.toSeconds());
      spec.put("leaseTransitions", number(spec.get("leaseTransitions")) + 1);
      leases.resource(lease).update();
      return won(now, "taken over from " + (holder.isEmpty() ? "nobody" : holder));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return lost("another contender (conflict)");
      }
      LOG.warn(
          "lease {}/{}: {} could not acquire or renew: {}",
          namespace,
          name,
          identity,
          e.toString());
      return isLeader(); // keep leading until the lease would have expired
    }
  }

  /** Gives the lease up (at shutdown) so another replica takes over at once. */
  public void release() {
    if (renewedAt.isEmpty()) {
      return;
    }
    renewedAt = Optional.empty();
    try {
      var leases = client.genericKubernetesResources(LEASES).inNamespace(namespace);
      GenericKubernetesResource lease = leases.withName(name).get();
      if (lease != null && identity.equals(spec(lease).get("holderIdentity"))) {
        spec(lease).put("holderIdentity", "");
        leases.resource(lease).update();
      }
    } catch (KubernetesClientException e) {
      LOG.warn("lease {}/{}: could not release: {}", namespace, name, e.toString());
    }
  }

  private GenericKubernetesResource newLease(Instant now) {
    GenericKubernetesResource lease = new GenericKubernetesResource();
    lease.setApiVersion("coordination.k8s.io/v1");
    lease.setKind("Lease");
    lease.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("holderIdentity", identity);
    spec.put("leaseDurationSeconds", leaseDuration.toSeconds());
    spec.put("acquireTime", MICRO_TIME.format(now));
    spec.put("renewTime", MICRO_TIME.format(now));
    spec.put("leaseTransitions", 0);
    lease.setAdditionalProperty("spec", spec);
    return lease;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource lease) {
    Object spec = lease.getAdditionalProperties().get("spec");
    if (spec instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> fresh = new LinkedHashMap<>();
    lease.setAdditionalProperty("spec", fresh);
    return fresh;
  }

  private boolean expired(Map<String, Object> spec, Instant now) {
    Object renew = spec.get("renewTime");
    if (renew == null) {
      return true;
    }
    long seconds = number(spec.get("leaseDurationSeconds"));
    Instant renewed = Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(renew.toString()));
    return !renewed.plusSeconds(seconds).isAfter(now);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }

  private boolean won(Instant now, String how) {
    boolean was = isLeader();
    renewedAt = Optional.of(now);
    if (!was) {
      LOG.info(
          "lease {}/{}: {} is the leader{}",
          namespace,
          name,
          identity,
          how == null ? "" : " (" + how + ")");
    }
    return true;
  }

  private boolean lost(String holder) {
    if (renewedAt.isPresent()) {
      LOG.info(
          "lease {}/{}: {} is no longer the leader; held by {}", namespace, name, identity, holder);
    }
    renewedAt = Optional.empty();
    return false;
  }
}
