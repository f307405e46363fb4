package dev.harbormaster.host.pipeline;

import dev.harbormaster.host.config.FailurePolicy;
import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Scope;
import java.time.Duration;

/**
 * A started plugin instance as the pipeline runs it.
 *
 * @param name instance name (unique)
 * @param pluginId the plugin's id
 * @param scope mutating or validating
 * @param matcher which requests it sees
 * @param auditMode the instance's {@code dryRun: true}: patch and deny reported, not applied
 * @param failurePolicy applied when the handler throws or runs late
 * @param timeout per-review limit
 * @param handler the plugin's handler
 */
public record PipelineInstance(
    String name,
    String pluginId,
    Scope scope,
    InstanceMatcher matcher,
    boolean auditMode,
    FailurePolicy failurePolicy,
    Duration timeout,
    AdmissionHandler handler) {}
