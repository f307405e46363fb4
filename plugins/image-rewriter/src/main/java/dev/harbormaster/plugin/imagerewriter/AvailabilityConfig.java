package dev.harbormaster.plugin.imagerewriter;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code config.availability}: how existence checks of rules with {@code checkAvailability: true}
 * run. Every field is optional.
 *
 * @param timeBudget the total time all checks of one admission may take (default 1500ms; keep it
 *     well under the instance {@code timeout} and the webhook's {@code timeoutSeconds})
 * @param requestTimeout the longest one HEAD may take (default 1s)
 * @param positiveTtl how long a present image is remembered (default 60s)
 * @param negativeTtl how long a missing image is remembered (default 10s)
 * @param maxCacheEntries the most answers remembered (default 10000)
 * @param insecureRegistries mirror {@code host[:port]}s reached over plain HTTP
 * @param caFile a PEM bundle of extra CAs for the mirrors, relative to the config file's directory
 */
public record AvailabilityConfig(
    Duration timeBudget,
    Duration requestTimeout,
    Duration positiveTtl,
    Duration negativeTtl,
    Integer maxCacheEntries,
    List<String> insecureRegistries,
    Optional<String> caFile) {

  /** Fills defaults and checks the values. */
  public AvailabilityConfig {
    timeBudget = positive("timeBudget", timeBudget, Duration.ofMillis(1500));
    requestTimeout = positive("requestTimeout", requestTimeout, Duration.ofSeconds(1));
    positiveTtl = positive("positiveTtl", positiveTtl, Duration.ofSeconds(60));
    negativeTtl = positive("negativeTtl", negativeTtl, Duration.ofSeconds(10));
    maxCacheEntries = maxCacheEntries == null ? 10_000 : maxCacheEntries;
    if (maxCacheEntries < 1) {
      throw new IllegalArgumentException(
          "maxCacheEntries must be at least 1, got " + maxCacheEntries);
    }
    insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
    caFile = caFile == null ? Optional.empty() : caFile.filter(f -> !f.isBlank());
  }

  /** All defaults. */
  public static AvailabilityConfig defaults() {
    return new AvailabilityConfig(null, null, null, null, null, null, null);
  }

  private static Duration positive(String field, Duration value, Duration fallback) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
    return value;
  }
}
