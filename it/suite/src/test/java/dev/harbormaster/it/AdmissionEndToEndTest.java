package dev.harbormaster.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real AdmissionReview payloads ({@code reviews/}) sent over TLS to the real distribution with the
 * real plugin jars ({@code host-config.yaml}); each response must equal its golden file ({@code
 * expected/<endpoint>/}) exactly, with the patch decoded.
 *
 * <p>What the cases cover: Pods, Deployments and CronJobs; an ephemeral container added through an
 * UPDATE of {@code pods/ephemeralcontainers}; DELETE; {@code request.dryRun}; an instance in audit
 * mode ({@code dryRun: true}) on both endpoints; an instance that throws or outlives its timeout
 * under failure policy {@code allow} (the others' results stand) and {@code deny}; JSON Pointer
 * escaping of annotation keys.
 */
class AdmissionEndToEndTest {

  static Stream<Arguments> mutateCases() {
    return Stream.of(
            "pod-create-implicit-latest",
            "deployment-create-explicit-latest",
            "cronjob-create-implicit-latest",
            "pod-update-ephemeral-container",
            "pod-delete",
            "pod-create-request-dryrun",
            "pod-create-audit-namespace",
            "pod-create-stamp-throws",
            "pod-create-stamp-late",
            "pod-create-second-throws",
            "pod-create-gate-late")
        .map(Arguments::of);
  }

  static Stream<Arguments> validateCases() {
    return Stream.of(
            "pod-create-implicit-latest",
            "pod-create-implicit-latest-request-dryrun",
            "pod-create-pinned",
            "deployment-create-explicit-latest",
            "cronjob-create-implicit-latest",
            "pod-update-ephemeral-container",
            "pod-delete",
            "pod-create-audit-namespace",
            "pod-create-gate-late")
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "/mutate {0}")
  @MethodSource("mutateCases")
  void mutate_answersExactlyAsTheGoldenFile(String name) {
    ObjectNode response =
        AdmissionResponses.decode(
            SharedHost.get().postJson("/mutate", Resources.text("reviews/" + name + ".json")),
            false);

    assertThat(response).isEqualTo(Resources.json("expected/mutate/" + name + ".json"));
  }

  @ParameterizedTest(name = "/validate {0}")
  @MethodSource("validateCases")
  void validate_answersExactlyAsTheGoldenFile(String name) {
    ObjectNode response =
        AdmissionResponses.decode(
            SharedHost.get().postJson("/validate", Resources.text("reviews/" + name + ".json")),
            true);

    ObjectNode expected = (ObjectNode) Resources.json("expected/validate/" + name + ".json");
    if (expected.has("warnings")) {
      expected.set("warnings", AdmissionResponses.sorted((ArrayNode) expected.get("warnings")));
    }
    assertThat(response).isEqualTo(expected);
  }
}
