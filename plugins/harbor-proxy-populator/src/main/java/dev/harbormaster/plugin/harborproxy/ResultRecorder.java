package dev.harbormaster.plugin.harborproxy;

import dev.harbormaster.plugin.harborproxy.warming.RecentResults;
import dev.harbormaster.plugin.harborproxy.warming.WarmJob;
import dev.harbormaster.plugin.harborproxy.warming.WarmReport;
import dev.harbormaster.plugin.harborproxy.warming.WarmResult;
import dev.harbormaster.worker.Completion;
import dev.harbormaster.worker.WorkListener;
import dev.harbormaster.worker.WorkOffer;
import dev.harbormaster.worker.WorkOutcome;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** After each warm attempt: a status line, metrics, a log line, and a status refresh. */
final class ResultRecorder implements WorkListener<WarmJob> {
  private static final Logger LOG = LoggerFactory.getLogger(ResultRecorder.class);

  private final String instance;
  private final RecentResults recent;
  private final PopulatorMetrics metrics;
  private final Runnable publish;
  private final Clock clock;

  ResultRecorder(
      String instance,
      RecentResults recent,
      PopulatorMetrics metrics,
      Runnable publish,
      Clock clock) {
    this.instance = instance;
    this.recent = recent;
    this.metrics = metrics;
    this.publish = publish;
    this.clock = clock;
  }

  @Override
  public void attempted(WorkOffer<WarmJob> offer, WorkOutcome outcome, Completion completion) {
    WarmJob job = offer.item();
    WarmReport r = job.lastReport();
    String state;
    String reason;
    String message;
    switch (outcome) {
      case WorkOutcome.Success s -> {
        state = r.alreadyWarm() ? "already-warm" : "warmed";
        reason = "none";
        message = "";
      }
      case WorkOutcome.Retry retry -> {
        state = completion.finished() ? "failed" : "retrying";
        reason = retry.reason();
        message = retry.message();
      }
      case WorkOutcome.Failure f -> {
        state = "failed";
        reason = f.reason();
        message = f.message();
      }
    }
    metrics.attempt(
        state.equals("retrying") ? "retried" : state, reason, r.bytes(), job.lastDuration());
    recent.add(
        new WarmResult(
            job.target().harbor().full(),
            job.target().source().full(),
            state,
            reason,
            message,
            r.platforms(),
            r.missingPlatforms(),
            r.digest().orElse(""),
            r.manifests(),
            r.blobs(),
            r.bytes(),
            r.unverifiedBlobs(),
            job.lastDuration().toMillis(),
            completion.attempts(),
            completion.retryIn().map(d -> d.toMillis()).orElse(0L),
            clock.instant().toString()));
    log(job, state, reason, message, r, completion);
    publish.run();
  }

  private void log(
      WarmJob job,
      String state,
      String reason,
      String message,
      WarmReport r,
      Completion completion) {
    String ref = job.target().harbor().full();
    switch (state) {
      case "warmed" ->
          LOG.info(
              "{}: warmed {} ({}; platforms {}{}; {} manifests, {} blobs, {} bytes, {} ms)",
              instance,
              ref,
              r.digest().orElse("?"),
              r.platforms(),
              r.missingPlatforms().isEmpty() ? "" : ", index lacks " + r.missingPlatforms(),
              r.manifests(),
              r.blobs(),
              r.bytes(),
              job.lastDuration().toMillis());
      case "already-warm" ->
          LOG.debug("{}: {} resolved to {}, already warmed", instance, ref, r.digest().orElse("?"));
      case "retrying" ->
          LOG.info(
              "{}: warming {} failed ({}, attempt {}), retrying in {}: {}",
              instance,
              ref,
              reason,
              completion.attempts(),
              completion.retryIn().orElseThrow(),
              message);
      default ->
          LOG.warn(
              "{}: warming {} failed for good ({}, after {} attempts): {}",
              instance,
              ref,
              reason,
              completion.attempts(),
              message);
    }
    if (!r.unverifiedBlobs().isEmpty()) {
      LOG.warn(
          "{}: Harbor does not report {} as cached after warming {}",
          instance,
          List.copyOf(r.unverifiedBlobs()),
          ref);
    }
  }
}
