package dev.harbormaster.plugin.harborproxy.warming;

import dev.harbormaster.plugin.harborproxy.mapping.WarmTarget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Debug stand-in for {@link ProxyCacheWarmer}: waits {@code delay} per image and sends nothing, so
 * the queue and the admission path can be load-tested without a Harbor.
 */
public final class SimulatedWarmer implements ImageWarmer {
  private final Duration delay;

  /** A simulation taking {@code delay} per image. */
  public SimulatedWarmer(Duration delay) {
    this.delay = delay;
  }

  @Override
  public WarmReport warm(WarmTarget target, Predicate<String> claimDigest)
      throws InterruptedException {
    Thread.sleep(delay);
    return new WarmReport(
        Optional.empty(), false, List.of("simulated"), List.of(), 0, 0, 0, List.of(), false);
  }
}
