package dev.harbormaster.host.observability;

import dev.harbormaster.host.pipeline.InstanceRun;
import dev.harbormaster.host.pipeline.ReviewOutcome;
import dev.harbormaster.spi.Review;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import tools.jackson.databind.JsonNode;

/**
 * One log line per review (uid, endpoint, kind, namespace/name, operation, decision, instances run,
 * duration) as key-value pairs, so that the JSON log format has them as fields. With {@code
 * DEBUG=1} the whole review is logged too, Secret data redacted.
 */
public final class ReviewLog {
  private static final Logger LOG = LoggerFactory.getLogger("harbormaster.review");

  private ReviewLog() {}

  /** Logs a completed review. */
  public static void reviewed(String endpoint, Review review, ReviewOutcome outcome, long nanos) {
    if (!LOG.isInfoEnabled()) return;
    request(LOG.atInfo().setMessage("review"), endpoint, review)
        .addKeyValue("decision", outcome.response().allowed() ? "allowed" : "denied")
        .addKeyValue("patched", outcome.response().patch().map(p -> p.size()).orElse(0))
        .addKeyValue("instances", instances(outcome))
        .addKeyValue("durationMs", millis(nanos))
        .log();
  }

  /** Logs a review the host could not finish (answered 500). */
  public static void failed(String endpoint, Review review, RuntimeException error) {
    request(LOG.atError().setMessage("review failed"), endpoint, review)
        .addKeyValue("error", error.toString())
        .log();
  }

  /** The keys naming the request, first on every review line. */
  private static LoggingEventBuilder request(
      LoggingEventBuilder event, String endpoint, Review review) {
    return event
        .addKeyValue("uid", review.uid())
        .addKeyValue("endpoint", endpoint)
        .addKeyValue("kind", review.kind().toString())
        .addKeyValue("object", review.displayName())
        .addKeyValue("operation", review.operation().name());
  }

  /** Logs a rejected (4xx) request. */
  public static void rejected(String endpoint, int status, String message) {
    LOG.atInfo()
        .setMessage("review rejected")
        .addKeyValue("endpoint", endpoint)
        .addKeyValue("status", status)
        .addKeyValue("error", message)
        .log();
  }

  /** True when whole reviews should be logged (debug level, enabled by {@code DEBUG=1}). */
  public static boolean debugEnabled() {
    return LOG.isDebugEnabled();
  }

  /** Logs a whole review at debug level with Secret data redacted. */
  public static void debugReview(String endpoint, JsonNode reviewTree) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} review {}", endpoint, SecretRedactor.redact(reviewTree));
    }
  }

  private static String instances(ReviewOutcome outcome) {
    StringBuilder out = new StringBuilder("[");
    for (InstanceRun run : outcome.runs()) {
      if (out.length() > 1) out.append(',');
      out.append(run.instance()).append(':').append(run.result().tag()).append(':');
      out.append(millis(run.nanos())).append("ms");
    }
    return out.append(']').toString();
  }

  /**
   * Milliseconds with microsecond precision ({@code 1.005}): a number in JSON logs, the same digits
   * in text logs and in {@code instances}.
   */
  static BigDecimal millis(long nanos) {
    return BigDecimal.valueOf(nanos / 1_000, 3);
  }
}
