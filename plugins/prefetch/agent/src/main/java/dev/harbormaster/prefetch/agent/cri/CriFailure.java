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

  /** Classifies a gRPC failure of a CRI call. */
  public static CriFailure of(StatusRuntimeException e) {
    Status s = e.getStatus();
    String message = s.getDescription() == null ? s.getCode().toString() : s.getDescription();
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains("401")
        || m.contains("403")
        || m.contains("unauthorized")
        || m.contains("authorization failed")
        || m.contains("denied")
        || s.getCode() == Status.Code.UNAUTHENTICATED
        || s.getCode() == Status.Code.PERMISSION_DENIED) {
      return new CriFailure(Kind.AUTH, "auth", message);
    }
    if (m.contains("429") || m.contains("too many requests")) {
      return new CriFailure(Kind.TRANSIENT, "rate-limited", message);
    }
    if (s.getCode() == Status.Code.NOT_FOUND
        || m.contains("manifest unknown")
        || m.contains(": not found")
        || m.contains("404")) {
      return new CriFailure(Kind.PERMANENT, "not-found", message);
    }
    return switch (s.getCode()) {
      case UNAVAILABLE -> new CriFailure(Kind.TRANSIENT, "unavailable", message);
      case DEADLINE_EXCEEDED -> new CriFailure(Kind.TRANSIENT, "timeout", message);
      case INVALID_ARGUMENT -> new CriFailure(Kind.PERMANENT, "invalid", message);
      default -> new CriFailure(Kind.TRANSIENT, "runtime", message);
    };
  }
}
