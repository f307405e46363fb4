package dev.harbormaster.host.pipeline;

import dev.harbormaster.host.config.FailurePolicy;
import dev.harbormaster.host.review.AdmissionResponse;
import dev.harbormaster.spi.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;

/**
 * Collects the instances' decisions of one review into one response: warnings, audit annotations
 * prefixed {@code <instance>/}, denials (any deny denies), failure policies and audit mode.
 */
final class VerdictCollector {
  /** What the stage should do with an instance's result. */
  enum Effect {
    /** Keep going; a mutating instance's changes may be applied. */
    APPLY,
    /** Keep going; discard the instance's changes. */
    DISCARD,
    /** The review is denied. */
    DENY
  }

  private final String uid;
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, String> audit = new LinkedHashMap<>();
  private final List<String> denials = new ArrayList<>();
  private final List<InstanceRun> runs = new ArrayList<>();
  private int denyCode;

  VerdictCollector(String uid) {
    this.uid = uid;
  }

  /** Records an instance's result and says what it means for the review. */
  Effect record(PipelineInstance instance, CallResult result, long nanos) {
    return switch (result) {
      case CallResult.Completed(Decision decision) -> completed(instance, decision, nanos);
      case CallResult.Failed(CallResult.FailureKind kind, String detail) ->
          failed(instance, kind, detail, nanos);
    };
  }

  private Effect completed(PipelineInstance instance, Decision decision, long nanos) {
    warnings.addAll(decision.warnings());
    decision.auditAnnotations().forEach((k, v) -> audit.put(instance.name() + "/" + k, v));
    if (decision instanceof Decision.Deny deny) {
      if (instance.auditMode()) {
        warnings.add(instance.name() + " (dryRun) would deny: " + deny.message());
        audit.put(instance.name() + "/would-deny", deny.message());
        run(instance, InstanceRun.Result.AUDITED, nanos);
        return Effect.DISCARD;
      }
      if (denials.isEmpty()) denyCode = deny.code();
      denials.add(instance.name() + ": " + deny.message());
      run(instance, InstanceRun.Result.DENIED, nanos);
      return Effect.DENY;
    }
    run(instance, InstanceRun.Result.ALLOWED, nanos);
    return instance.auditMode() ? Effect.DISCARD : Effect.APPLY;
  }

  private Effect failed(
      PipelineInstance instance, CallResult.FailureKind kind, String detail, long nanos) {
    String what = kind == CallResult.FailureKind.TIMEOUT ? "timeout" : "error";
    audit.put(instance.name() + "/" + what, detail);
    run(
        instance,
        kind == CallResult.FailureKind.TIMEOUT
            ? InstanceRun.Result.TIMEOUT
            : InstanceRun.Result.EXCEPTION,
        nanos);
    if (instance.failurePolicy() == FailurePolicy.DENY && !instance.auditMode()) {
      if (denials.isEmpty()) denyCode = kind == CallResult.FailureKind.TIMEOUT ? 504 : 500;
      denials.add(instance.name() + ": failed (" + what + ": " + detail + "); failurePolicy deny");
      return Effect.DENY;
    }
    warnings.add(
        instance.name()
            + " skipped after "
            + what
            + (instance.failurePolicy() == FailurePolicy.DENY
                ? " (failurePolicy deny not applied: dryRun)"
                : " (failurePolicy allow)"));
    return Effect.DISCARD;
  }

  /** Adds an audit-mode instance's would-be patch as a warning and an audit annotation. */
  void auditPatch(PipelineInstance instance, ArrayNode patch) {
    String text = patch.toString();
    warnings.add(instance.name() + " (dryRun) would patch: " + text);
    audit.put(instance.name() + "/would-patch", text);
  }

  private void run(PipelineInstance instance, InstanceRun.Result result, long nanos) {
    runs.add(new InstanceRun(instance.name(), instance.pluginId(), result, nanos));
  }

  boolean denied() {
    return !denials.isEmpty();
  }

  List<InstanceRun> runs() {
    return runs;
  }

  /** The response; {@code patch} is used only when the review is allowed. */
  AdmissionResponse response(Optional<ArrayNode> patch) {
    if (denied()) {
      return new AdmissionResponse(
          uid,
          false,
          Optional.of(new AdmissionResponse.Status(denyCode, String.join("; ", denials))),
          Optional.empty(),
          warnings,
          audit);
    }
    return new AdmissionResponse(
        uid, true, Optional.empty(), patch.filter(p -> !p.isEmpty()), warnings, audit);
  }
}
