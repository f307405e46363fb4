package dev.harbormaster.host.pipeline;

import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Review;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One asynchronous call of an instance's handler, bounded by the earlier of the instance's timeout
 * and the review's deadline. A late call is cancelled (interrupted) and reported as a {@link
 * CallResult.FailureKind#TIMEOUT}.
 */
final class InstanceCall {
  private final PipelineInstance instance;
  private final Future<Decision> future;
  private final long started;
  private final long deadline;

  private InstanceCall(
      PipelineInstance instance, Future<Decision> future, long started, long deadline) {
    this.instance = instance;
    this.future = future;
    this.started = started;
    this.deadline = deadline;
  }

  /** Starts the call on {@code executor}; {@code reviewDeadline} is a {@link System#nanoTime}. */
  static InstanceCall start(
      PipelineInstance instance, Review review, ExecutorService executor, long reviewDeadline) {
    long now = System.nanoTime();
    long deadline = Math.min(now + instance.timeout().toNanos(), reviewDeadline);
    return new InstanceCall(
        instance, executor.submit(() -> instance.handler().review(review)), now, deadline);
  }

  PipelineInstance instance() {
    return instance;
  }

  long startedNanos() {
    return started;
  }

  /** Waits for the result until the deadline. */
  CallResult await() {
    try {
      Decision decision =
          future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (decision == null) {
        return new CallResult.Failed(CallResult.FailureKind.EXCEPTION, "handler returned null");
      }
      return new CallResult.Completed(decision);
    } catch (TimeoutException e) {
      future.cancel(true);
      return new CallResult.Failed(
          CallResult.FailureKind.TIMEOUT,
          "no decision within " + (deadline - started) / 1_000_000 + "ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new CallResult.Failed(CallResult.FailureKind.EXCEPTION, cause.toString());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return new CallResult.Failed(CallResult.FailureKind.TIMEOUT, "interrupted");
    }
  }
}
