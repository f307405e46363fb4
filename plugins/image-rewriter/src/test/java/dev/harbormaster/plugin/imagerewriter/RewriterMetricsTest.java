package dev.harbormaster.plugin.imagerewriter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.plugin.imagerewriter.availability.ProbeResult;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class RewriterMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RewriterMetrics metrics =
      new RewriterMetrics(registry, Tags.of("instance", "i1", "plugin", "image-rewriter"));

  @Test
  void countsImagesByRuleOutcomeAndReason_withTheInstanceTags() {
    metrics.image("hub", Outcome.REWRITTEN, RewriterMetrics.NO_REASON);
    metrics.image("hub", Outcome.REWRITTEN, RewriterMetrics.NO_REASON);
    metrics.image(RewriterMetrics.NO_RULE, Outcome.SKIPPED, "loopback");

    assertThat(
            registry
                .get("harbormaster.imagerewriter.images")
                .tags("instance", "i1", "rule", "hub", "outcome", "rewritten")
                .counter()
                .count())
        .isEqualTo(2.0);
    assertThat(metrics.snapshot())
        .containsEntry(
            "harbormaster.imagerewriter.images{outcome=skipped,reason=loopback,rule=none}", 1L);
  }

  @Test
  void countsAvailabilityAnswersByResultAndSource() {
    metrics.answered("hub", new ProbeResult.Present(), true);
    metrics.answered("hub", new ProbeResult.Missing("x"), false);
    metrics.answered("hub", new ProbeResult.Failed("x"), false);

    assertThat(
            registry
                .get("harbormaster.imagerewriter.availability.checks")
                .tags("result", "present", "source", "cache")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(registry.find("harbormaster.imagerewriter.availability.checks").counters())
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.getId().getTag("image")).isNull());
  }
}
