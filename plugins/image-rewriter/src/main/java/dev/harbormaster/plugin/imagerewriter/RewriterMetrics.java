package dev.harbormaster.plugin.imagerewriter;

import dev.harbormaster.plugin.imagerewriter.availability.AvailabilityListener;
import dev.harbormaster.plugin.imagerewriter.availability.ProbeResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instance's meters, tagged by rule, outcome and reason, never by image or object (bounded
 * series):
 *
 * <ul>
 *   <li>{@code harbormaster.imagerewriter.images} ({@code rule}, {@code outcome}, {@code reason}):
 *       one count per image considered; {@code rule} is {@code none} when no rule was involved;
 *   <li>{@code harbormaster.imagerewriter.availability.checks} ({@code rule}, {@code result} =
 *       present|missing|error, {@code source} = cache|registry).
 * </ul>
 */
final class RewriterMetrics implements AvailabilityListener {
  static final String NO_RULE = "none";
  static final String NO_REASON = "none";

  private final MeterRegistry registry;
  private final Tags tags;
  private final Map<Tags, Counter> counters = new ConcurrentHashMap<>();

  RewriterMetrics(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
  }

  void image(String rule, Outcome outcome, String reason) {
    count(
        "harbormaster.imagerewriter.images",
        Tags.of("rule", rule, "outcome", outcome.tag(), "reason", reason));
  }

  @Override
  public void answered(String rule, ProbeResult result, boolean shared) {
    String value =
        switch (result) {
          case ProbeResult.Present p -> "present";
          case ProbeResult.Missing m -> "missing";
          case ProbeResult.Failed f -> "error";
        };
    count(
        "harbormaster.imagerewriter.availability.checks",
        Tags.of("rule", rule, "result", value, "source", shared ? "cache" : "registry"));
  }

  private void count(String name, Tags extra) {
    Tags key = extra.and("name", name);
    counters
        .computeIfAbsent(
            key,
            k ->
                Counter.builder(name)
                    .description("image-rewriter " + name.substring(name.lastIndexOf('.') + 1))
                    .tags(tags.and(extra))
                    .register(registry))
        .increment();
  }

  /** Counts so far, keyed {@code name{tag=value,...}}, for the status document. */
  Map<String, Long> snapshot() {
    Map<String, Long> result = new TreeMap<>();
    counters.forEach(
        (key, counter) -> {
          StringBuilder b = new StringBuilder();
          String name = "";
          for (var tag : key) {
            if (tag.getKey().equals("name")) {
              name = tag.getValue();
            } else {
              b.append(b.isEmpty() ? "" : ",")
                  .append(tag.getKey())
                  .append('=')
                  .append(tag.getValue());
            }
          }
          result.put(name + "{" + b + "}", (long) counter.count());
        });
    return result;
  }
}
