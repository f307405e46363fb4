package dev.harbormaster.host.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.config.FailurePolicy;
import dev.harbormaster.host.config.KindPattern;
import dev.harbormaster.host.config.MatchRules;
import dev.harbormaster.host.review.AdmissionResponse;
import dev.harbormaster.host.review.Json;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.Scope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class AdmissionPipelineTest {
  private static final Duration BUDGET = Duration.ofSeconds(9);
  private final CountDownLatch never = new CountDownLatch(1);
  private AdmissionPipeline pipeline;

  @AfterEach
  void close() {
    never.countDown();
    if (pipeline != null) pipeline.close();
  }

  @Test
  void mutatingInstancesRunInConfigOrder_onOneWorkingCopy_andYieldOnePatch() {
    AdmissionHandler addLabel =
        r -> {
          labels(r).put("team", "blue");
          return Decision.allow();
        };
    AdmissionHandler copyLabelToAnnotation =
        r -> {
          String team = labels(r).path("team").asString("missing");
          ((ObjectNode) r.object().orElseThrow().get("metadata"))
              .putObject("annotations")
              .put("example.com/team", team);
          return Decision.allow();
        };
    pipeline =
        new AdmissionPipeline(
            List.of(mutating("first", addLabel), mutating("second", copyLabelToAnnotation)));
    Review review = Fixtures.review("pod-create");

    ReviewOutcome outcome = pipeline.review(review, Scope.MUTATING, BUDGET);

    assertThat(outcome.response().allowed()).isTrue();
    assertThat(outcome.response().patch().orElseThrow())
        .isEqualTo(
            Json.MAPPER.readTree(
                """
                [{"op":"add","path":"/metadata/labels/team","value":"blue"},
                 {"op":"add","path":"/metadata/annotations","value":{"example.com/team":"blue"}}]
                """));
    assertThat(review.object().orElseThrow().path("metadata").has("annotations"))
        .as("the request's object is never changed")
        .isFalse();
    assertThat(outcome.runs()).extracting(InstanceRun::instance).containsExactly("first", "second");
  }

  @Test
  void lateMutatingInstance_getsFailurePolicyAllow_andItsPartialChangesDoNotLeak() {
    AdmissionHandler partialThenHang =
        r -> {
          labels(r).put("half", "done");
          never.await();
          return Decision.allow();
        };
    AdmissionHandler addLabel =
        r -> {
          labels(r).put("ok", "yes");
          return Decision.allow();
        };
    pipeline =
        new AdmissionPipeline(
            List.of(
                instance(
                    "slow",
                    Scope.MUTATING,
                    FailurePolicy.ALLOW,
                    Duration.ofMillis(100),
                    false,
                    partialThenHang),
                mutating("fast", addLabel)));

    ReviewOutcome outcome = pipeline.review(Fixtures.review("pod-create"), Scope.MUTATING, BUDGET);

    AdmissionResponse response = outcome.response();
    assertThat(response.allowed()).isTrue();
    assertThat(response.patch().orElseThrow().toString())
        .contains("/metadata/labels/ok")
        .doesNotContain("half");
    assertThat(response.warnings()).anyMatch(w -> w.contains("slow") && w.contains("timeout"));
    assertThat(response.auditAnnotations()).containsKey("slow/timeout");
    assertThat(outcome.runs())
        .extracting(InstanceRun::result)
        .containsExactly(InstanceRun.Result.TIMEOUT, InstanceRun.Result.ALLOWED);
  }

  @Test
  void throwingInstance_withFailurePolicyDeny_deniesWithItsNameAndTheError() {
    AdmissionHandler boom =
        r -> {
          throw new IllegalStateException("registry map missing");
        };
    pipeline =
        new AdmissionPipeline(
            List.of(
                instance(
                    "rewriter",
                    Scope.MUTATING,
                    FailurePolicy.DENY,
                    Duration.ofSeconds(2),
                    false,
                    boom)));

    AdmissionResponse response =
        pipeline.review(Fixtures.review("pod-create"), Scope.MUTATING, BUDGET).response();

    assertThat(response.allowed()).isFalse();
    assertThat(response.status().orElseThrow().code()).isEqualTo(500);
    assertThat(response.status().orElseThrow().message())
        .contains("rewriter")
        .contains("registry map missing")
        .contains("failurePolicy deny");
    assertThat(response.patch()).isEmpty();
  }

  @Test
  void mutatingDeny_stopsLaterMutators_andSendsNoPatch() {
    AtomicBoolean laterRan = new AtomicBoolean();
    pipeline =
        new AdmissionPipeline(
            List.of(
                mutating("gate", r -> Decision.deny(403, "not here")),
                mutating(
                    "later",
                    r -> {
                      laterRan.set(true);
                      return Decision.allow();
                    })));

    AdmissionResponse response =
        pipeline.review(Fixtures.review("pod-create"), Scope.MUTATING, BUDGET).response();

    assertThat(response.allowed()).isFalse();
    assertThat(response.status().orElseThrow())
        .isEqualTo(new AdmissionResponse.Status(403, "gate: not here"));
    assertThat(laterRan).isFalse();
  }

  @Test
  void anyValidatingDenyDenies_whileTheOthersWarningsAndAnnotationsStand() {
    pipeline =
        new AdmissionPipeline(
            List.of(
                validating("lint", r -> Decision.allow().withWarning("image has no digest")),
                validating(
                    "policy",
                    r ->
                        Decision.deny(403, "tag latest is not allowed")
                            .withAuditAnnotation("rule", "no-latest"))));

    AdmissionResponse response =
        pipeline.review(Fixtures.review("pod-create"), Scope.VALIDATING, BUDGET).response();

    assertThat(response.allowed()).isFalse();
    assertThat(response.status().orElseThrow())
        .isEqualTo(new AdmissionResponse.Status(403, "policy: tag latest is not allowed"));
    assertThat(response.warnings()).containsExactly("image has no digest");
    assertThat(response.auditAnnotations()).containsEntry("policy/rule", "no-latest");
  }

  @Test
  void validatingInstancesRunConcurrently() {
    CyclicBarrier bothStarted = new CyclicBarrier(2);
    AdmissionHandler meetTheOther =
        r -> {
          bothStarted.await(5, TimeUnit.SECONDS);
          return Decision.allow();
        };
    pipeline =
        new AdmissionPipeline(
            List.of(
                instance(
                    "a",
                    Scope.VALIDATING,
                    FailurePolicy.DENY,
                    Duration.ofSeconds(10),
                    false,
                    meetTheOther),
                instance(
                    "b",
                    Scope.VALIDATING,
                    FailurePolicy.DENY,
                    Duration.ofSeconds(10),
                    false,
                    meetTheOther)));

    AdmissionResponse response =
        pipeline.review(Fixtures.review("pod-create"), Scope.VALIDATING, BUDGET).response();

    assertThat(response.allowed())
        .as("each instance waited for the other: they ran at once")
        .isTrue();
  }

  @Test
  void lateValidatingInstance_withDenyPolicy_denies_andTheOthersStillRun() {
    AtomicBoolean otherRan = new AtomicBoolean();
    pipeline =
        new AdmissionPipeline(
            List.of(
                instance(
                    "hang",
                    Scope.VALIDATING,
                    FailurePolicy.DENY,
                    Duration.ofMillis(100),
                    false,
                    r -> {
                      never.await();
                      return Decision.allow();
                    }),
                validating(
                    "other",
                    r -> {
                      otherRan.set(true);
                      return Decision.allow().withWarning("other looked");
                    })));

    AdmissionResponse response =
        pipeline.review(Fixtures.review("pod-create"), Scope.VALIDATING, BUDGET).response();

    assertThat(response.allowed()).isFalse();
    assertThat(response.status().orElseThrow().code()).isEqualTo(504);
    assertThat(response.warnings()).contains("other looked");
    assertThat(otherRan).isTrue();
  }

  @Test
  void validatingInstancesGetPrivateCopies() {
    AtomicReference<String> seenBySecond = new AtomicReference<>();
    pipeline =
        new AdmissionPipeline(
            List.of(
                validating(
                    "scribbler",
                    r -> {
                      labels(r).put("app", "changed");
                      return Decision.allow();
                    }),
                validating(
                    "reader",
                    r -> {
                      seenBySecond.set(labels(r).path("app").asString());
                      return Decision.allow();
                    })));
    Review review = Fixtures.review("pod-create");

    AdmissionResponse response = pipeline.review(review, Scope.VALIDATING, BUDGET).response();

    assertThat(response.patch()).isEmpty();
    assertThat(review.object().orElseThrow().at("/metadata/labels/app").asString())
        .isEqualTo("web");
    assertThat(seenBySecond.get()).isEqualTo("web");
  }

  @Test
  void auditModeInstance_reportsItsDenyAndPatch_withoutApplyingThem() {
    pipeline =
        new AdmissionPipeline(
            List.of(
                instance(
                    "audit-rewrite",
                    Scope.MUTATING,
                    FailurePolicy.DENY,
                    Duration.ofSeconds(2),
                    true,
                    r -> {
                      labels(r).put("a/b", "c");
                      return Decision.allow();
                    }),
                instance(
                    "audit-deny",
                    Scope.MUTATING,
                    FailurePolicy.DENY,
                    Duration.ofSeconds(2),
                    true,
                    r -> Decision.deny(403, "would be refused"))));

    AdmissionResponse response =
        pipeline.review(Fixtures.review("pod-create"), Scope.MUTATING, BUDGET).response();

    assertThat(response.allowed()).isTrue();
    assertThat(response.patch()).isEmpty();
    assertThat(response.auditAnnotations())
        .containsEntry(
            "audit-rewrite/would-patch",
            "[{\"op\":\"add\",\"path\":\"/metadata/labels/a~1b\",\"value\":\"c\"}]")
        .containsEntry("audit-deny/would-deny", "would be refused");
    assertThat(response.warnings())
        .contains("audit-deny (dryRun) would deny: would be refused")
        .anyMatch(w -> w.startsWith("audit-rewrite (dryRun) would patch:"));
  }

  @Test
  void requestDryRun_reachesPlugins() {
    AtomicBoolean dryRun = new AtomicBoolean();
    pipeline =
        new AdmissionPipeline(
            List.of(
                validating(
                    "observer",
                    r -> {
                      dryRun.set(r.dryRun());
                      return Decision.allow();
                    })));

    pipeline.review(Fixtures.review("deployment-create"), Scope.VALIDATING, BUDGET);

    assertThat(dryRun).isTrue();
  }

  @Test
  void instancesThatDoNotMatch_doNotRun() {
    PipelineInstance deploymentsOnly =
        new PipelineInstance(
            "deployments",
            "test",
            Scope.VALIDATING,
            new InstanceMatcher(
                new MatchRules(
                    List.of(KindPattern.parse("apps/v1/Deployment")), null, null, null, null)),
            false,
            FailurePolicy.DENY,
            Duration.ofSeconds(1),
            r -> Decision.deny(403, "no"));
    pipeline = new AdmissionPipeline(List.of(deploymentsOnly));

    ReviewOutcome outcome =
        pipeline.review(Fixtures.review("pod-create"), Scope.VALIDATING, BUDGET);

    assertThat(outcome.response().allowed()).isTrue();
    assertThat(outcome.runs()).isEmpty();
  }

  @Test
  void reviewBudget_boundsInstancesWithLongerTimeouts() {
    pipeline =
        new AdmissionPipeline(
            List.of(
                instance(
                    "patient",
                    Scope.VALIDATING,
                    FailurePolicy.ALLOW,
                    Duration.ofSeconds(20),
                    false,
                    r -> {
                      never.await();
                      return Decision.allow();
                    })));

    ReviewOutcome outcome =
        pipeline.review(Fixtures.review("pod-create"), Scope.VALIDATING, Duration.ofMillis(100));

    assertThat(outcome.response().allowed()).isTrue();
    assertThat(outcome.runs())
        .extracting(InstanceRun::result)
        .containsExactly(InstanceRun.Result.TIMEOUT);
  }

  private static ObjectNode labels(Review review) {
    ObjectNode metadata = (ObjectNode) review.object().orElseThrow().get("metadata");
    return metadata.has("labels")
        ? (ObjectNode) metadata.get("labels")
        : metadata.putObject("labels");
  }

  private static PipelineInstance mutating(String name, AdmissionHandler handler) {
    return instance(
        name, Scope.MUTATING, FailurePolicy.DENY, Duration.ofSeconds(5), false, handler);
  }

  private static PipelineInstance validating(String name, AdmissionHandler handler) {
    return instance(
        name, Scope.VALIDATING, FailurePolicy.DENY, Duration.ofSeconds(5), false, handler);
  }

  static PipelineInstance instance(
      String name,
      Scope scope,
      FailurePolicy policy,
      Duration timeout,
      boolean audit,
      AdmissionHandler handler) {
    return new PipelineInstance(
        name,
        "test-plugin",
        scope,
        new InstanceMatcher(MatchRules.ALL),
        audit,
        policy,
        timeout,
        handler);
  }
}
