package dev.harbormaster.prefetch.agent.node;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's meters: pulls by result and reason, pull duration, pulls in flight, images skipped
 * because present or because the disk is full. No per-image tags (unbounded series).
 */
public final class PullMetrics {
  private final MeterRegistry registry;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Timer duration;
  private final Counter present;
  private final Counter dropped;

  /** Registers the meters in {@code registry}. */
  public PullMetrics(MeterRegistry registry) {
    this.registry = registry;
    registry.gauge("harbormaster.prefetch.agent.pulls.in.flight", inFlight);
    this.duration = registry.timer("harbormaster.prefetch.agent.pull.duration");
    this.present =
        registry.counter(
            "harbormaster.prefetch.agent.pulls", "result", "skipped", "reason", "present");
    this.dropped =
        registry.counter(
            "harbormaster.prefetch.agent.pulls", "result", "dropped", "reason", "queue-full");
  }

  void inFlight(int delta) {
    inFlight.addAndGet(delta);
  }

  void pulled(Duration took) {
    duration.record(took);
    registry
        .counter("harbormaster.prefetch.agent.pulls", "result", "pulled", "reason", "")
        .increment();
  }

  void present() {
    present.increment();
  }

  void failed(String reason) {
    registry
        .counter("harbormaster.prefetch.agent.pulls", "result", "failed", "reason", reason)
        .increment();
  }

  void skippedDisk() {
    registry
        .counter("harbormaster.prefetch.agent.pulls", "result", "skipped", "reason", "disk")
        .increment();
  }

  void dropped() {
    dropped.increment();
  }
}
