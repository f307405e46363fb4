package dev.harbormaster.plugin.prefetch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicLong;

/** The plugin's meters: intents by outcome of the offer and of the write. No per-object tags. */
final class PrefetchMetrics {
  private final MeterRegistry registry;
  private final Tags tags;
  private final Counter written;
  private final Counter writeFailed;
  final AtomicLong writtenCount = new AtomicLong();
  final AtomicLong failedCount = new AtomicLong();

  PrefetchMetrics(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
    this.written =
        registry.counter("harbormaster.prefetch.intent.writes", tags.and("result", "written"));
    this.writeFailed =
        registry.counter("harbormaster.prefetch.intent.writes", tags.and("result", "failed"));
  }

  /**
   * An admission offered (or skipped) an intent: {@code enqueued}, {@code dropped}, {@code
   * dry-run}...
   */
  void offered(String result) {
    registry.counter("harbormaster.prefetch.intents", tags.and("result", result)).increment();
  }

  void written() {
    writtenCount.incrementAndGet();
    written.increment();
  }

  void writeFailed() {
    failedCount.incrementAndGet();
    writeFailed.increment();
  }
}
