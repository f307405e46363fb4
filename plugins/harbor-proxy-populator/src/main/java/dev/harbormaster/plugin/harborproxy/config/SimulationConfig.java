package dev.harbormaster.plugin.harborproxy.config;

import java.time.Duration;

/**
 * Debug option: replaces all network work with a delay per image, to load-test the queue and the
 * admission path without a Harbor. Never use it in production: nothing is warmed.
 *
 * @param delay how long each simulated warm takes
 */
public record SimulationConfig(Duration delay) {
  /** Requires a non-negative delay. */
  public SimulationConfig {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("simulate.delay must be given and >= 0, got " + delay);
    }
  }
}
