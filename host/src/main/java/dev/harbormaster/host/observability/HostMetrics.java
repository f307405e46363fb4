package dev.harbormaster.host.observability;

import dev.harbormaster.host.pipeline.InstanceRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The host's own meters: reviews by endpoint and result with a latency histogram, and per-instance
 * durations and errors by kind (timeout, exception). Tags are bounded: endpoint, result, instance,
 * plugin, kind; never objects or images.
 */
public final class HostMetrics {
  private final MeterRegistry registry;
  private final Map<String, Timer> reviewTimers = new ConcurrentHashMap<>();
  private final Map<String, Timer> instanceTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> instanceErrors = new ConcurrentHashMap<>();

  /**
   * @param registry where the meters live
   */
  public HostMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The registry (also handed to plugins). */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Records one review.
   *
   * @param endpoint {@code mutate} or {@code validate}
   * @param result {@code allowed}, {@code denied}, {@code invalid} (a 4xx answer) or {@code error}
   *     (the host failed: 500)
   */
  public void review(String endpoint, String result, long nanos) {
    reviewTimers
        .computeIfAbsent(
            endpoint + '|' + result,
            k ->
                Timer.builder("harbormaster.reviews")
                    .description("AdmissionReview requests by endpoint and result")
                    .tag("endpoint", endpoint)
                    .tag("result", result)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(100_000))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records what one instance did in one review. */
  public void instance(InstanceRun run) {
    instanceTimers
        .computeIfAbsent(
            run.instance() + '|' + run.result(),
            k ->
                Timer.builder("harbormaster.instance.duration")
                    .description("Time an instance took per review, by result")
                    .tag("instance", run.instance())
                    .tag("plugin", run.pluginId())
                    .tag("result", run.result().tag())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(10_000))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry))
        .record(run.nanos(), TimeUnit.NANOSECONDS);
    if (run.result() == InstanceRun.Result.TIMEOUT
        || run.result() == InstanceRun.Result.EXCEPTION) {
      instanceErrors
          .computeIfAbsent(
              run.instance() + '|' + run.result(),
              k ->
                  Counter.builder("harbormaster.instance.errors")
                      .description("Instance failures by kind; the failure policy was applied")
                      .tag("instance", run.instance())
                      .tag("plugin", run.pluginId())
                      .tag("kind", run.result().tag())
                      .register(registry))
          .increment();
    }
  }
}
