package dev.harbormaster.host.http;

import dev.harbormaster.host.observability.HostMetrics;
import dev.harbormaster.host.observability.ReviewLog;
import dev.harbormaster.host.pipeline.AdmissionPipeline;
import dev.harbormaster.host.pipeline.InstanceRun;
import dev.harbormaster.host.pipeline.ReviewBudget;
import dev.harbormaster.host.pipeline.ReviewOutcome;
import dev.harbormaster.host.review.AdmissionResponseWriter;
import dev.harbormaster.host.review.AdmissionReviewParser;
import dev.harbormaster.host.review.BadReviewException;
import dev.harbormaster.host.review.Json;
import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.Scope;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /mutate} and {@code POST /validate}: checks the content type and size, parses the
 * body once into a tree, runs the pipeline and writes the AdmissionReview response.
 */
final class ReviewHandler implements Handler {
  /** The API server sends at most a few MiB; larger bodies are refused with 413. */
  static final long MAX_BODY = 3L * 1024 * 1024;

  private final Scope scope;
  private final String endpoint;
  private final AdmissionPipeline pipeline;
  private final HostMetrics metrics;
  private final boolean clientCertificateRequired;

  /**
   * @param clientCertificateRequired {@code server.tls.clientCaFile} is set: the TLS layer asks
   *     every client for a certificate and verifies any it gets; reviews then also need one (probes
   *     and scrapes on the same port do not)
   */
  ReviewHandler(
      Scope scope,
      AdmissionPipeline pipeline,
      HostMetrics metrics,
      boolean clientCertificateRequired) {
    this.scope = scope;
    this.endpoint = scope == Scope.MUTATING ? "mutate" : "validate";
    this.pipeline = pipeline;
    this.metrics = metrics;
    this.clientCertificateRequired = clientCertificateRequired;
  }

  @Override
  public void handle(Context ctx) {
    long start = System.nanoTime();
    if (clientCertificateRequired
        && ctx.req().getAttribute("jakarta.servlet.request.X509Certificate") == null) {
      reject(
          ctx,
          403,
          "a client certificate issued by server.tls.clientCaFile is required on /" + endpoint,
          start);
      return;
    }
    if (!isJson(ctx.header("Content-Type"))) {
      reject(
          ctx,
          415,
          "Content-Type must be application/json, got '" + ctx.header("Content-Type") + "'",
          start);
      return;
    }
    long length = ctx.contentLength();
    if (length > MAX_BODY) {
      reject(
          ctx,
          413,
          "request body of " + length + " bytes exceeds the limit of " + MAX_BODY + " bytes",
          start);
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY) {
      reject(ctx, 413, "request body exceeds the limit of " + MAX_BODY + " bytes", start);
      return;
    }
    Review review;
    try {
      review = AdmissionReviewParser.parse(body);
    } catch (BadReviewException e) {
      reject(ctx, 400, e.getMessage(), start);
      return;
    }
    if (ReviewLog.debugEnabled()) {
      ReviewLog.debugReview(endpoint, Json.MAPPER.readTree(body));
    }
    // The API server's clock started when it sent the request: count reading and parsing too.
    Duration budget =
        ReviewBudget.fromTimeoutParam(Optional.ofNullable(ctx.queryParam("timeout")))
            .minusNanos(System.nanoTime() - start);
    ReviewOutcome outcome;
    byte[] answer;
    try {
      outcome = pipeline.review(review, scope, budget);
      answer = AdmissionResponseWriter.write(outcome.response());
    } catch (RuntimeException e) {
      // AdmissionServer's exception mapper answers 500 with a body; count and log it as a review.
      metrics.review(endpoint, "error", System.nanoTime() - start);
      ReviewLog.failed(endpoint, review, e);
      throw e;
    }
    ctx.status(200).contentType("application/json").result(answer);
    long nanos = System.nanoTime() - start;
    metrics.review(endpoint, outcome.response().allowed() ? "allowed" : "denied", nanos);
    for (InstanceRun run : outcome.runs()) {
      metrics.instance(run);
    }
    ReviewLog.reviewed(endpoint, review, outcome, nanos);
  }

  private void reject(Context ctx, int status, String message, long start) {
    ErrorBodies.write(ctx, status, message);
    metrics.review(endpoint, "invalid", System.nanoTime() - start);
    ReviewLog.rejected(endpoint, status, message);
  }

  static boolean isJson(String contentType) {
    if (contentType == null) return false;
    int semi = contentType.indexOf(';');
    String media =
        (semi >= 0 ? contentType.substring(0, semi) : contentType).strip().toLowerCase(Locale.ROOT);
    return media.equals("application/json");
  }
}
