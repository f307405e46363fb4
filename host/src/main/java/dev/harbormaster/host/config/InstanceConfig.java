package dev.harbormaster.host.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.harbormaster.spi.Scope;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One entry of {@code instances}: a configured instance of a plugin.
 *
 * @param name unique name (lowercase letters, digits, '-', '.'), used in logs, metrics, status URLs
 * @param plugin the PF4J {@code Plugin-Id} of the plugin
 * @param scope {@code mutating} or {@code validating}
 * @param match which requests the instance sees
 * @param dryRun audit mode: the instance's patch and deny are reported, not applied
 * @param failurePolicy {@code allow} or {@code deny} (default) when the instance throws or runs
 *     late
 * @param timeout per-review time limit (default 2s, at most 30s)
 * @param config the plugin's config block (empty object when absent)
 * @param configFile a YAML file holding the config block instead, relative to the config directory
 */
public record InstanceConfig(
    String name,
    String plugin,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) Scope scope,
    MatchRules match,
    boolean dryRun,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES)
        FailurePolicy failurePolicy,
    Duration timeout,
    JsonNode config,
    Optional<String> configFile) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?");
  private static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);

  /** Validates the fields and fills defaults. */
  public InstanceConfig {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must be 1-63 lowercase letters, digits, '-' or '.', starting and ending with a"
              + " letter or digit, got '"
              + name
              + "'");
    }
    if (plugin == null || plugin.isBlank()) {
      throw new IllegalArgumentException("instance '" + name + "': plugin is required");
    }
    if (scope == null) {
      throw new IllegalArgumentException(
          "instance '" + name + "': scope is required (mutating or validating)");
    }
    match = match == null ? MatchRules.ALL : match;
    failurePolicy = failurePolicy == null ? FailurePolicy.DENY : failurePolicy;
    timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "instance '" + name + "': timeout must be > 0 and at most 30s, got " + timeout);
    }
    configFile = configFile == null ? Optional.empty() : configFile;
    boolean hasConfig = config != null && !config.isNull() && !config.isMissingNode();
    if (hasConfig && configFile.isPresent()) {
      throw new IllegalArgumentException(
          "instance '" + name + "': set either config or configFile, not both");
    }
    config = hasConfig ? config : JsonNodeFactory.instance.objectNode();
  }

  /** Returns this instance with its config block replaced (used to inline a {@code configFile}). */
  public InstanceConfig withConfig(JsonNode newConfig) {
    return new InstanceConfig(
        name, plugin, scope, match, dryRun, failurePolicy, timeout, newConfig, Optional.empty());
  }
}
