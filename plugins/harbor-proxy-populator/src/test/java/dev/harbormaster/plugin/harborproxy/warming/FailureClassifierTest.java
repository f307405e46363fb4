package dev.harbormaster.plugin.harborproxy.warming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.digest.DigestMismatchException;
import dev.harbormaster.oci.registry.AuthenticationException;
import dev.harbormaster.oci.registry.NotFoundException;
import dev.harbormaster.oci.registry.PermanentRegistryException;
import dev.harbormaster.oci.registry.RefusedByPolicyException;
import dev.harbormaster.oci.registry.RegistryError;
import dev.harbormaster.oci.registry.TransientRegistryException;
import dev.harbormaster.worker.WorkOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {
  private final FailureClassifier classifier = new FailureClassifier(Duration.ofSeconds(60));

  private static String reason(WorkOutcome o) {
    return switch (o) {
      case WorkOutcome.Failure f -> "permanent:" + f.reason();
      case WorkOutcome.Retry r -> "transient:" + r.reason();
      case WorkOutcome.Success s -> "success";
    };
  }

  @Test
  void unknownManifestsDenialsAndRefusals_areNeverRetried() {
    List<RegistryError> unknown = List.of(new RegistryError("MANIFEST_UNKNOWN", "unknown"));
    assertThat(reason(classifier.classify(new NotFoundException("GET m", 404, unknown, null))))
        .isEqualTo("permanent:not-found");
    assertThat(
            reason(classifier.classify(new AuthenticationException("GET m", 403, List.of(), null))))
        .isEqualTo("permanent:denied");
    assertThat(reason(classifier.classify(new RefusedByPolicyException("not allowed"))))
        .isEqualTo("permanent:refused");
    assertThat(
            reason(
                classifier.classify(new PermanentRegistryException("GET m", 400, List.of(), null))))
        .isEqualTo("permanent:rejected");
    assertThat(reason(classifier.classify(new ProxyCacheWarmer.NoPlatformException("none"))))
        .isEqualTo("permanent:no-platform");
  }

  @Test
  void serverErrorsIoAndBadBytes_areRetried() {
    assertThat(
            reason(
                classifier.classify(new TransientRegistryException("GET", 503, List.of(), null))))
        .isEqualTo("transient:unavailable");
    assertThat(
            reason(classifier.classify(new TransientRegistryException("GET", 0, List.of(), null))))
        .isEqualTo("transient:io");
    assertThat(reason(classifier.classify(new IOException("reset")))).isEqualTo("transient:io");
    Digest d = Digest.of(new byte[] {1});
    assertThat(reason(classifier.classify(new DigestMismatchException("blob", d, d))))
        .isEqualTo("transient:digest-mismatch");
  }

  @Test
  void rateLimits_waitAtLeastTheFloor() {
    WorkOutcome o =
        classifier.classify(new TransientRegistryException("GET", 429, List.of(), null));
    assertThat(o)
        .isEqualTo(
            new WorkOutcome.Retry(
                "rate-limited", "GET: HTTP 429", Optional.of(Duration.ofSeconds(60))));
  }
}
