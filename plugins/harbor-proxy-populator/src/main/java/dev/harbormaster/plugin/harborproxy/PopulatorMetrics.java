package dev.harbormaster.plugin.harborproxy;

import dev.harbormaster.worker.QueueStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The instance's meters, tagged by result, outcome and reason, never by image (bounded series):
 *
 * <ul>
 *   <li>{@code harbormaster.harborproxy.images} ({@code result} = enqueued | replaced |
 *       deduplicated | dropped | stopped | dry-run | unmapped | invalid | ignored | error): one
 *       count per image seen on the admission path;
 *   <li>{@code harbormaster.harborproxy.warms} ({@code outcome} = warmed | already-warm | retried |
 *       failed, {@code reason}): one count per attempt;
 *   <li>{@code harbormaster.harborproxy.bytes}: bytes received from Harbor;
 *   <li>{@code harbormaster.harborproxy.warm.duration} ({@code outcome}): time per attempt;
 *   <li>gauges {@code harbormaster.harborproxy.queue.depth} and {@code ...queue.inflight}.
 * </ul>
 */
final class PopulatorMetrics {
  private final MeterRegistry registry;
  private final Tags tags;
  private final Map<Tags, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Counter bytes;

  PopulatorMetrics(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
    this.bytes =
        Counter.builder("harbormaster.harborproxy.bytes")
            .description("bytes received from Harbor while warming")
            .baseUnit("bytes")
            .tags(tags)
            .register(registry);
  }

  /** Registers the queue gauges. */
  void bindQueue(Supplier<QueueStats> stats) {
    Gauge.builder("harbormaster.harborproxy.queue.depth", () -> stats.get().depth())
        .description("images waiting to be warmed")
        .tags(tags)
        .register(registry);
    Gauge.builder("harbormaster.harborproxy.queue.inflight", () -> stats.get().inFlight())
        .description("images being warmed")
        .tags(tags)
        .register(registry);
  }

  void image(String result) {
    count(
        "harbormaster.harborproxy.images",
        "images seen on the admission path, by what happened to them",
        Tags.of("result", result));
  }

  void attempt(String outcome, String reason, long receivedBytes, Duration duration) {
    count(
        "harbormaster.harborproxy.warms",
        "warm attempts, by outcome and failure reason",
        Tags.of("outcome", outcome, "reason", reason));
    bytes.increment(receivedBytes);
    timers
        .computeIfAbsent(
            outcome,
            o ->
                Timer.builder("harbormaster.harborproxy.warm.duration")
                    .description("time per warm attempt")
                    .tags(tags.and("outcome", o))
                    .register(registry))
        .record(duration);
  }

  private void count(String name, String description, Tags extra) {
    counters
        .computeIfAbsent(
            extra.and("name", name),
            k ->
                Counter.builder(name)
                    .description(description)
                    .tags(tags.and(extra))
                    .register(registry))
        .increment();
  }
}
