package dev.harbormaster.plugin.mirrorsync.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Leader election against fabric8's mock API server in CRUD mode: the Kubernetes API server cannot
 * run on this machine, so the mock stores the Lease and answers get/create/update like the real one
 * (including 409 for a stale resourceVersion).
 */
@EnableKubernetesMockClient(crud = true)
class LeaseElectorTest {
  static KubernetesClient client;

  private static final Duration LEASE = Duration.ofSeconds(15);
  private final MutableClock clock = new MutableClock();

  private LeaseElector contender(String name, String identity) {
    return new LeaseElector(client, "infra", name, identity, LEASE, clock);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(String name) {
    GenericKubernetesResource lease =
        client
            .genericKubernetesResources(
                new ResourceDefinitionContext.Builder()
                    .withGroup("coordination.k8s.io")
                    .withVersion("v1")
                    .withKind("Lease")
                    .withPlural("leases")
                    .withNamespaced(true)
                    .build())
            .inNamespace("infra")
            .withName(name)
            .get();
    return (Map<String, Object>) lease.getAdditionalProperties().get("spec");
  }

  @Test
  void ofTwoContenders_onlyTheFirstLeads() {
    LeaseElector a = contender("two", "pod-a");
    LeaseElector b = contender("two", "pod-b");

    assertThat(a.tryAcquireOrRenew()).isTrue();
    assertThat(b.tryAcquireOrRenew()).isFalse();

    assertThat(a.isLeader()).isTrue();
    assertThat(b.isLeader()).isFalse();
    assertThat(spec("two")).containsEntry("holderIdentity", "pod-a");
  }

  @Test
  void holderThatRenews_keepsLeading_pastTheLeaseDuration() {
    LeaseElector a = contender("renew", "pod-a");
    LeaseElector b = contender("renew", "pod-b");
    a.tryAcquireOrRenew();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(5));
      assertThat(a.tryAcquireOrRenew()).isTrue();
      assertThat(b.tryAcquireOrRenew()).isFalse();
    }
    assertThat(a.isLeader()).isTrue();
  }

  @Test
  void expiredLease_isTakenOver_andTheOldHolderStepsDown() {
    LeaseElector a = contender("expire", "pod-a");
    LeaseElector b = contender("expire", "pod-b");
    a.tryAcquireOrRenew();

    clock.advance(LEASE.plusSeconds(1)); // a stopped renewing (crashed, partitioned)
    assertThat(a.isLeader()).as("a knows its lease ran out").isFalse();
    assertThat(b.tryAcquireOrRenew()).isTrue();
    assertThat(a.tryAcquireOrRenew()).isFalse();

    assertThat(spec("expire"))
        .containsEntry("holderIdentity", "pod-b")
        .containsEntry("leaseTransitions", 1);
  }

  @Test
  void releasedLease_isTakenAtOnce() {
    LeaseElector a = contender("release", "pod-a");
    LeaseElector b = contender("release", "pod-b");
    a.tryAcquireOrRenew();

    a.release();

    assertThat(a.isLeader()).isFalse();
    assertThat(b.tryAcquireOrRenew()).isTrue();
  }

  @Test
  void staleWrite_losesWithConflict() {
    LeaseElector a = contender("race", "pod-a");
    a.tryAcquireOrRenew();
    clock.advance(LEASE.plusSeconds(1));
    // b and c both saw the expired lease; the write of whoever is second carries a stale version
    GenericKubernetesResource seen = leaseObject("race");
    LeaseElector b = contender("race", "pod-b");
    assertThat(b.tryAcquireOrRenew()).isTrue();
    seen.getAdditionalProperties().put("spec", Map.of("holderIdentity", "pod-c"));
    int conflict;
    try {
      client.genericKubernetesResources(leases()).inNamespace("infra").resource(seen).update();
      conflict = 0;
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      conflict = e.getCode();
    }
    assertThat(conflict).as("the mock enforces resourceVersion").isEqualTo(409);
    assertThat(spec("race")).containsEntry("holderIdentity", "pod-b");
  }

  private static ResourceDefinitionContext leases() {
    return new ResourceDefinitionContext.Builder()
        .withGroup("coordination.k8s.io")
        .withVersion("v1")
        .withKind("Lease")
        .withPlural("leases")
        .withNamespaced(true)
        .build();
  }

  private static GenericKubernetesResource leaseObject(String name) {
    return client.genericKubernetesResources(leases()).inNamespace("infra").withName(name).get();
  }
}
