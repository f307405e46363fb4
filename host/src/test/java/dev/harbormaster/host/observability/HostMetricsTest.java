package dev.harbormaster.host.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.pipeline.InstanceRun;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HostMetrics metrics = new HostMetrics(registry);

  @Test
  void reviewsAreTimedByEndpointAndResult() {
    metrics.review("mutate", "allowed", 2_000_000);
    metrics.review("mutate", "allowed", 4_000_000);
    metrics.review("validate", "invalid", 1_000_000);

    var mutate =
        registry
            .get("harbormaster.reviews")
            .tags("endpoint", "mutate", "result", "allowed")
            .timer();
    assertThat(mutate.count()).isEqualTo(2);
    assertThat(mutate.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6.0);
    assertThat(registry.get("harbormaster.reviews").tags("result", "invalid").timer().count())
        .isEqualTo(1);
  }

  @Test
  void instanceFailuresAreCountedByKind_andEveryRunIsTimed() {
    metrics.instance(new InstanceRun("rw", "image-rewriter", InstanceRun.Result.TIMEOUT, 5));
    metrics.instance(new InstanceRun("rw", "image-rewriter", InstanceRun.Result.EXCEPTION, 5));
    metrics.instance(new InstanceRun("rw", "image-rewriter", InstanceRun.Result.ALLOWED, 5));

    assertThat(
            registry
                .get("harbormaster.instance.errors")
                .tags("instance", "rw", "kind", "timeout")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("harbormaster.instance.errors")
                .tags("kind", "exception")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("harbormaster.instance.duration")
                .tags("plugin", "image-rewriter")
                .timers())
        .hasSize(3);
    assertThat(registry.find("harbormaster.instance.errors").tags("kind", "allowed").counter())
        .isNull();
  }
}
