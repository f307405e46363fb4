package dev.harbormaster.prefetch.agent.cri;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Locale;

/**
 * A failed CRI call, classified. containerd often answers {@code Unknown} and puts the registry's
 * answer in the message, so the message is inspected too.
 *
 * @param kind what to do about it
 * @param reason a short, bounded classifier for metrics and status ({@code auth}, {@code
 *     not-found}, {@code rate-limited}, {@code unavailable}, {@code timeout}, {@code runtime})
 * @param message the runtime's message
 */
public record CriFailure(Kind kind, String reason, String message) {
  /** The reason of a pull the agent did not start because the image filesystem is too full. */
  public static final String DISK = "disk";

  /** What a failure means for the next attempt. */
  public enum Kind {
    /** The credentials were refused: try the next candidate, then back off. */
    AUTH,
    /** The image does not exist: retrying will not help until the spec changes. */
    PERMANENT,
    /** Worth retrying after a backoff. */
    TRANSIENT
  }

  /** Classifies a gRPC failure of a CRI call: the gRPC code first, then the message. */
  public static CriFailure of(StatusRuntimeException e) {
    Status s = e.getStatus();
    String message = s.getDescription() == null ? s.getCode().toString() : s.getDescription();
    String m = message.toLowerCase(Locale.ROOT);
    switch (s.getCode()) {
      case NOT_FOUND -> {
        return new CriFailure(Kind.PERMANENT, "not-found", message);
      }
      case UNAUTHENTICATED, PERMISSION_DENIED -> {
        return new CriFailure(Kind.AUTH, "auth", message);
      }
      default -> {}
    }
    if (httpStatus(m, "401")
        || httpStatus(m, "403")
        || m.contains("unauthorized")
        || m.contains("authorization failed")
        || m.contains("denied")) {
      return new CriFailure(Kind.AUTH, "auth", message);
    }
    if (httpStatus(m, "429") || m.contains("too many requests")) {
      return new CriFailure(Kind.TRANSIENT, "rate-limited", message);
    }
    if (m.contains("manifest unknown") || m.contains(": not found") || httpStatus(m, "404")) {
      return new CriFailure(Kind.PERMANENT, "not-found", message);
    }
    return switch (s.getCode()) {
      case UNAVAILABLE -> new CriFailure(Kind.TRANSIENT, "unavailable", message);
      case DEADLINE_EXCEEDED -> new CriFailure(Kind.TRANSIENT, "timeout", message);
      case INVALID_ARGUMENT -> new CriFailure(Kind.PERMANENT, "invalid", message);
      default -> new CriFailure(Kind.TRANSIENT, "runtime", message);
    };
  }

  /**
   * Whether {@code code} appears as an HTTP status word, not inside a port, address, digest or
   * other number ({@code 127.0.0.1:34017} must not read as a 401).
   */
  static boolean httpStatus(String message, String code) {
    int from = 0;
    while (true) {
      int at = message.indexOf(code, from);
      if (at < 0) return false;
      int end = at + code.length();
      boolean before = at == 0 || " [(\"'".indexOf(message.charAt(at - 1)) >= 0;
      boolean after = end == message.length() || " ])\"',;".indexOf(message.charAt(end)) >= 0;
      if (before && after) return true;
      from = at + 1;
    }
  }
}
