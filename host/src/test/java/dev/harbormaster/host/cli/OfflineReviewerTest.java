package dev.harbormaster.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.config.FailurePolicy;
import dev.harbormaster.host.config.MatchRules;
import dev.harbormaster.host.pipeline.AdmissionPipeline;
import dev.harbormaster.host.pipeline.InstanceMatcher;
import dev.harbormaster.host.pipeline.PipelineInstance;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Scope;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class OfflineReviewerTest {
  private final AdmissionPipeline pipeline =
      new AdmissionPipeline(
          List.of(
              instance(
                  "pin",
                  Scope.MUTATING,
                  r -> {
                    ((ObjectNode) r.object().orElseThrow().at("/spec/containers/0"))
                        .put("image", "nginx:1.27.1");
                    return Decision.allow();
                  }),
              instance(
                  "check",
                  Scope.VALIDATING,
                  r ->
                      r.object()
                              .orElseThrow()
                              .at("/spec/containers/0/image")
                              .asString()
                              .endsWith("1.27.1")
                          ? Decision.allow().withWarning("pinned")
                          : Decision.deny(403, "not pinned"))));

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void validatingInstancesSeeTheMutatedObject_asInTheApiServer() {
    OfflineReviewer.Result result =
        new OfflineReviewer(pipeline, null).review(Fixtures.review("pod-create"));

    assertThat(result.allowed()).isTrue();
    assertThat(result.warnings()).containsExactly("pinned");
    assertThat(result.patch().orElseThrow().toString()).contains("/spec/containers/0/image");
    assertThat(result.patchedObject().orElseThrow().at("/spec/containers/0/image").asString())
        .isEqualTo("nginx:1.27.1");
  }

  @Test
  void validateOnly_skipsTheMutatingStage() {
    OfflineReviewer.Result result =
        new OfflineReviewer(pipeline, ReviewCommand.Endpoint.validate)
            .review(Fixtures.review("pod-create"));

    assertThat(result.allowed()).isFalse();
    assertThat(result.status().orElseThrow().message()).isEqualTo("check: not pinned");
    assertThat(result.patch()).isEmpty();
  }

  @Test
  void mutateOnly_skipsTheValidatingStage() {
    OfflineReviewer.Result result =
        new OfflineReviewer(pipeline, ReviewCommand.Endpoint.mutate)
            .review(Fixtures.review("pod-create"));

    assertThat(result.allowed()).isTrue();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.patch()).isPresent();
  }

  private static PipelineInstance instance(String name, Scope scope, AdmissionHandler handler) {
    return new PipelineInstance(
        name,
        "test",
        scope,
        new InstanceMatcher(MatchRules.ALL),
        false,
        FailurePolicy.DENY,
        Duration.ofSeconds(5),
        handler);
  }
}
