package dev.harbormaster.plugin.harborproxy.warming;

import dev.harbormaster.oci.digest.DigestMismatchException;
import dev.harbormaster.oci.manifest.InvalidManifestException;
import dev.harbormaster.oci.registry.AuthenticationException;
import dev.harbormaster.oci.registry.NotFoundException;
import dev.harbormaster.oci.registry.PermanentRegistryException;
import dev.harbormaster.oci.registry.RefusedByPolicyException;
import dev.harbormaster.oci.registry.RegistryError;
import dev.harbormaster.oci.registry.TransientRegistryException;
import dev.harbormaster.worker.WorkOutcome;
import java.io.IOException;

/**
 * Decides whether a failed warm is worth retrying (OCI distribution: retry 429, 5xx, 408 and I/O
 * errors; never unknown names or manifests, denials or invalid names). The reasons are bounded
 * metric tag values.
 */
final class FailureClassifier {
  private FailureClassifier() {}

  /** The outcome for a failure of a warm. */
  static WorkOutcome classify(Exception e) {
    String message = String.valueOf(e.getMessage());
    return switch (e) {
      case NotFoundException n -> WorkOutcome.failure("not-found", message);
      case AuthenticationException a -> WorkOutcome.failure("denied", message);
      case RefusedByPolicyException r -> WorkOutcome.failure("refused", message);
      case PermanentRegistryException p -> WorkOutcome.failure("rejected", message);
      case TransientRegistryException t ->
          WorkOutcome.retry(
              t.status() == 429 || t.hasCode(RegistryError.TOOMANYREQUESTS)
                  ? "rate-limited"
                  : t.status() >= 500 ? "unavailable" : "io",
              message);
      case ProxyCacheWarmer.NoPlatformException n -> WorkOutcome.failure("no-platform", message);
      case DigestMismatchException d -> WorkOutcome.retry("digest-mismatch", message);
      case InvalidManifestException i -> WorkOutcome.failure("invalid-manifest", message);
      case IOException io -> WorkOutcome.retry("io", message);
      default -> WorkOutcome.failure("error", e.toString());
    };
  }
}
