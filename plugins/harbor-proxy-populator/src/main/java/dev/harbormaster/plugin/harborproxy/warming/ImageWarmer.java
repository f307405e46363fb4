package dev.harbormaster.plugin.harborproxy.warming;

import dev.harbormaster.plugin.harborproxy.mapping.WarmTarget;
import java.io.IOException;
import java.util.function.Predicate;

/** Warms one image: for real ({@link ProxyCacheWarmer}) or simulated ({@link SimulatedWarmer}). */
@FunctionalInterface
public interface ImageWarmer {
  /**
   * Warms {@code target}.
   *
   * @param claimDigest claims the key of the resolved digest; false when another warm owns it
   */
  WarmReport warm(WarmTarget target, Predicate<String> claimDigest)
      throws IOException, InterruptedException;
}
