package dev.harbormaster.host.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.config.FailurePolicy;
import dev.harbormaster.host.review.AdmissionResponse;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Scope;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictCollectorTest {
  private final VerdictCollector verdicts = new VerdictCollector("uid-7");

  @Test
  void theFirstDenialsCodeWins_andMessagesAreJoinedInOrder() {
    verdicts.record(instance("a", FailurePolicy.DENY, false), denied(429, "slow down"), 1);
    verdicts.record(instance("b", FailurePolicy.DENY, false), denied(403, "forbidden"), 1);

    AdmissionResponse response = verdicts.response(Optional.empty());

    assertThat(response.uid()).isEqualTo("uid-7");
    assertThat(response.allowed()).isFalse();
    assertThat(response.status())
        .contains(new AdmissionResponse.Status(429, "a: slow down; b: forbidden"));
  }

  @Test
  void auditAnnotationsArePrefixedWithTheInstanceName() {
    verdicts.record(
        instance("rewriter", FailurePolicy.DENY, false),
        new CallResult.Completed(Decision.allow().withAuditAnnotation("rewrote", "2")),
        1);

    assertThat(verdicts.response(Optional.empty()).auditAnnotations())
        .containsExactlyEntriesOf(java.util.Map.of("rewriter/rewrote", "2"));
  }

  @Test
  void failures_followThePolicy_andAuditModeNeverDenies() {
    CallResult timeout = new CallResult.Failed(CallResult.FailureKind.TIMEOUT, "no decision");

    assertThat(verdicts.record(instance("lenient", FailurePolicy.ALLOW, false), timeout, 1))
        .isEqualTo(VerdictCollector.Effect.DISCARD);
    assertThat(verdicts.record(instance("audit", FailurePolicy.DENY, true), timeout, 1))
        .isEqualTo(VerdictCollector.Effect.DISCARD);
    assertThat(verdicts.denied()).isFalse();
    assertThat(verdicts.record(instance("strict", FailurePolicy.DENY, false), timeout, 1))
        .isEqualTo(VerdictCollector.Effect.DENY);
    assertThat(verdicts.response(Optional.empty()).status().orElseThrow().code()).isEqualTo(504);
    assertThat(verdicts.response(Optional.empty()).warnings())
        .containsExactly(
            "lenient skipped after timeout (failurePolicy allow)",
            "audit skipped after timeout (failurePolicy deny not applied: dryRun)");
    assertThat(verdicts.runs())
        .extracting(InstanceRun::result)
        .containsOnly(InstanceRun.Result.TIMEOUT);
  }

  private static CallResult denied(int code, String message) {
    return new CallResult.Completed(Decision.deny(code, message));
  }

  private static PipelineInstance instance(String name, FailurePolicy policy, boolean audit) {
    return AdmissionPipelineTest.instance(
        name, Scope.VALIDATING, policy, Duration.ofSeconds(1), audit, r -> Decision.allow());
  }
}
