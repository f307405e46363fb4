package dev.harbormaster.plugin.harborproxy.warming;

import dev.harbormaster.worker.Attempt;
import dev.harbormaster.worker.WorkOutcome;
import dev.harbormaster.worker.WorkTask;
import java.time.Duration;

/** Runs one warm attempt for the shared work queue and classifies its failure. */
public final class WarmTask implements WorkTask<WarmJob> {
  private final ImageWarmer warmer;
  private final FailureClassifier classifier;

  /**
   * A task warming with {@code warmer}.
   *
   * @param rateLimitFloor the least wait before retrying after a 429 (the client's {@code
   *     maxRetryAfter})
   */
  public WarmTask(ImageWarmer warmer, Duration rateLimitFloor) {
    this.warmer = warmer;
    this.classifier = new FailureClassifier(rateLimitFloor);
  }

  @Override
  public WorkOutcome run(Attempt<WarmJob> attempt) throws InterruptedException {
    WarmJob job = attempt.item();
    long start = System.nanoTime();
    try {
      WarmReport report = warmer.warm(job.target(), attempt::claim);
      job.recordAttempt(report, Duration.ofNanos(System.nanoTime() - start));
      return WorkOutcome.success();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      job.recordAttempt(WarmReport.empty(), Duration.ofNanos(System.nanoTime() - start));
      return classifier.classify(e);
    }
  }
}
