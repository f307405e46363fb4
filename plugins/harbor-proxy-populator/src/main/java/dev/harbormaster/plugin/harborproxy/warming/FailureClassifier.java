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
import java.time.Duration;

/**
 * Decides whether a failed warm is worth retrying (OCI distribution: retry 429, 5xx, 408 and I/O
 * errors; never unknown names or manifests, denials or invalid names). The reasons are bounded
 * metric tag values.
 *
 * <p>A 429 reaches this point only when the client's own attempts honoured {@code Retry-After} up
 * to {@code maxRetryAfter} and still failed, or when {@code Retry-After} asked for longer: so the
 * next attempt waits at least {@code maxRetryAfter} (the exception does not carry the header
 * itself).
 */
final class FailureClassifier {
  private final Duration rateLimitFloor;

  /** A classifier waiting at least {@code rateLimitFloor} after a 429. */
  FailureClassifier(Duration rateLimitFloor) {
    this.rateLimitFloor = rateLimitFloor;
  }

  /** The outcome for a failure of a warm. */
  WorkOutcome classify(Exception e) {
    String message = String.valueOf(e.getMessage());
    return switch (e) {
      case NotFoundException n -> WorkOutcome.failure("not-found", message);
      case AuthenticationException a -> WorkOutcome.failure("denied", message);
      case RefusedByPolicyException r -> WorkOutcome.failure("refused", message);
      case PermanentRegistryException p -> WorkOutcome.failure("rejected", message);
      case TransientRegistryException t
          when t.status() == 429 || t.hasCode(RegistryError.TOOMANYREQUESTS) ->
          WorkOutcome.retryAfter("rate-limited", message, rateLimitFloor);
      case TransientRegistryException t ->
          WorkOutcome.retry(t.status() >= 500 ? "unavailable" : "io", message);
      case ProxyCacheWarmer.NoPlatformException n -> WorkOutcome.failure("no-platform", message);
      case DigestMismatchException d -> WorkOutcome.retry("digest-mismatch", message);
      case InvalidManifestException i -> WorkOutcome.failure("invalid-manifest", message);
      case IOException io -> WorkOutcome.retry("io", message);
      default -> WorkOutcome.failure("error", e.toString());
    };
  }
}
