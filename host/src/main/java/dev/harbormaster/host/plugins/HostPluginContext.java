package dev.harbormaster.host.plugins;

import dev.harbormaster.spi.PluginContext;
import dev.harbormaster.spi.Scope;
import dev.harbormaster.spi.StatusPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the host gives one instance: see {@link PluginContext}.
 *
 * @param instanceName the instance name
 * @param scope its scope
 * @param instanceDryRun audit mode
 * @param meterRegistry the host's registry (served on /metrics)
 * @param meterTags {@code instance} and {@code plugin} tags
 * @param scheduler the instance's own scheduler
 * @param status its status publisher
 * @param configDirectory the config file's directory
 */
public record HostPluginContext(
    String instanceName,
    Scope scope,
    boolean instanceDryRun,
    MeterRegistry meterRegistry,
    Tags meterTags,
    ScheduledExecutorService scheduler,
    StatusPublisher status,
    Path configDirectory)
    implements PluginContext {}
