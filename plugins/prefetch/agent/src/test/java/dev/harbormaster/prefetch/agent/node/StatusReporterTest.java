package dev.harbormaster.prefetch.agent.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.prefetch.agent.MutableClock;
import dev.harbormaster.prefetch.model.NodeImage;
import dev.harbormaster.prefetch.model.NodeReport;
import dev.harbormaster.prefetch.model.PrefetchNodeStatus;
import dev.harbormaster.prefetch.model.PullPhase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Against fabric8's mock API server in CRUD mode: a real API server cannot run here, so this proves
 * the requests and the stored object, not RBAC or server-side apply field ownership.
 */
@EnableKubernetesMockClient(crud = true)
class StatusReporterTest {
  static KubernetesClient client;

  private static NodeReport report(PullPhase phase) {
    return new NodeReport(
        "node-a",
        "containerd 1.6",
        List.of(new NodeImage("docker.io/library/a:1", phase, 1, "", "", "", 0, "t")));
  }

  @Test
  void writesTheNodesStatus_onlyWhenItChanged_andAtMostOncePerInterval() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    StatusReporter reporter = new StatusReporter(client, Duration.ofSeconds(5), clock);

    assertThat(reporter.maybeWrite(report(PullPhase.Pulling))).isTrue();
    assertThat(reporter.maybeWrite(report(PullPhase.Pulling))).as("unchanged").isFalse();
    assertThat(reporter.maybeWrite(report(PullPhase.Available))).as("inside 5 s").isFalse();
    clock.advance(Duration.ofSeconds(5));
    assertThat(reporter.maybeWrite(report(PullPhase.Available))).isTrue();

    PrefetchNodeStatus stored = client.resources(PrefetchNodeStatus.class).withName("node-a").get();
    assertThat(stored.getSpec()).isEqualTo(report(PullPhase.Available));
    assertThat(reporter.writes()).isEqualTo(2);
  }
}
