package dev.harbormaster.plugin.mirrorsync.copy;

import dev.harbormaster.oci.digest.DigestMismatchException;
import dev.harbormaster.oci.registry.AuthenticationException;
import dev.harbormaster.oci.registry.NotFoundException;
import dev.harbormaster.oci.registry.RefusedByPolicyException;
import dev.harbormaster.oci.registry.TransientRegistryException;
import java.io.IOException;

/** Short, bounded failure reasons (for status and metrics) and readable details. */
public final class Failures {
  private Failures() {}

  /** The reason of {@code e}: {@code rate-limited}, {@code unavailable}, {@code not-found}, ... */
  public static String reason(IOException e) {
    return switch (e) {
      case TransientRegistryException t when t.status() == 429 -> "rate-limited";
      case TransientRegistryException t -> "unavailable";
      case NotFoundException n -> "not-found";
      case AuthenticationException a -> "denied";
      case RefusedByPolicyException r -> "refused";
      case DigestMismatchException d -> "digest-mismatch";
      case VerificationException v -> "verification";
      case dev.harbormaster.oci.registry.PermanentRegistryException p -> "rejected";
      default -> "io";
    };
  }

  /** Whether trying again later may work. */
  public static boolean isTransient(IOException e) {
    return e instanceof TransientRegistryException
        || !(e instanceof dev.harbormaster.oci.registry.RegistryException
            || e instanceof DigestMismatchException
            || e instanceof VerificationException);
  }

  /** A one-line description. */
  public static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
