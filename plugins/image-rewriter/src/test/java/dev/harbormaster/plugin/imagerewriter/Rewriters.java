package dev.harbormaster.plugin.imagerewriter;

import dev.harbormaster.plugin.imagerewriter.availability.AvailabilityChecker;
import dev.harbormaster.plugin.imagerewriter.availability.MirrorProbe;
import dev.harbormaster.plugin.imagerewriter.availability.ProbeCache;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;

/** Builds handlers for tests the way the plugin does, with a given probe. */
final class Rewriters {
  private Rewriters() {}

  /** A handler whose probe fails the test if a rule ever asks a mirror. */
  static ImageRewriter withoutChecks(ImageRewriterConfig config) {
    return with(
        config,
        (image, platforms) -> {
          throw new AssertionError("no availability check expected, asked for " + image);
        },
        new RewriterMetrics(new SimpleMeterRegistry(), Tags.empty()));
  }

  static ImageRewriter with(
      ImageRewriterConfig config, MirrorProbe probe, RewriterMetrics metrics) {
    AvailabilityConfig a = config.availability();
    AvailabilityChecker checker =
        new AvailabilityChecker(
            probe,
            new ProbeCache(
                a.positiveTtl(), a.negativeTtl(), a.maxCacheEntries(), Clock.systemUTC()),
            Executors.newVirtualThreadPerTaskExecutor(),
            a.timeBudget(),
            metrics);
    return new ImageRewriter(config, checker, metrics);
  }
}
