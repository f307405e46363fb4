package dev.harbormaster.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an instance says about a review: allow or deny, plus warnings for the user and audit
 * annotations for the API server's audit log.
 *
 * <p>Decisions are immutable; {@link #withWarning} and {@link #withAuditAnnotation} return copies.
 * Audit annotation keys are prefixed by the host with the instance name, so plugins use short keys.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#response">AdmissionReview
 *     response</a>
 */
public sealed interface Decision permits Decision.Allow, Decision.Deny {

  /** Warnings shown to the client ({@code kubectl} prints them); keep them short. */
  List<String> warnings();

  /** Audit annotations, key to value. */
  Map<String, String> auditAnnotations();

  /** An allow without warnings. */
  static Allow allow() {
    return new Allow(List.of(), Map.of());
  }

  /**
   * A deny.
   *
   * @param code HTTP-style status code reported to the client, 400 to 599 (usually 403)
   * @param message the reason, shown to the user: say what is wrong and what would be accepted
   */
  static Deny deny(int code, String message) {
    return new Deny(code, message, List.of(), Map.of());
  }

  /** Returns a copy with one more warning. */
  Decision withWarning(String warning);

  /** Returns a copy with one more audit annotation (a later value for the same key wins). */
  Decision withAuditAnnotation(String key, String value);

  /**
   * The object may be admitted.
   *
   * @param warnings warnings for the client
   * @param auditAnnotations audit annotations
   */
  record Allow(List<String> warnings, Map<String, String> auditAnnotations) implements Decision {
    /** Copies the collections. */
    public Allow {
      warnings = List.copyOf(warnings);
      auditAnnotations = Map.copyOf(auditAnnotations);
    }

    @Override
    public Allow withWarning(String warning) {
      return new Allow(append(warnings, warning), auditAnnotations);
    }

    @Override
    public Allow withAuditAnnotation(String key, String value) {
      return new Allow(warnings, put(auditAnnotations, key, value));
    }
  }

  /**
   * The object must not be admitted.
   *
   * @param code status code, 400 to 599
   * @param message reason shown to the user
   * @param warnings warnings for the client
   * @param auditAnnotations audit annotations
   */
  record Deny(int code, String message, List<String> warnings, Map<String, String> auditAnnotations)
      implements Decision {
    /** Validates the code and message and copies the collections. */
    public Deny {
      if (code < 400 || code > 599) {
        throw new IllegalArgumentException("deny code must be 400..599, got " + code);
      }
      Objects.requireNonNull(message, "message");
      warnings = List.copyOf(warnings);
      auditAnnotations = Map.copyOf(auditAnnotations);
    }

    @Override
    public Deny withWarning(String warning) {
      return new Deny(code, message, append(warnings, warning), auditAnnotations);
    }

    @Override
    public Deny withAuditAnnotation(String key, String value) {
      return new Deny(code, message, warnings, put(auditAnnotations, key, value));
    }
  }

  private static List<String> append(List<String> list, String value) {
    List<String> copy = new ArrayList<>(list);
    copy.add(Objects.requireNonNull(value, "warning"));
    return copy;
  }

  private static Map<String, String> put(Map<String, String> map, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(map);
    copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return copy;
  }
}
