package dev.harbormaster.plugin.harborproxy;

import dev.harbormaster.plugin.harborproxy.warming.WarmResult;
import dev.harbormaster.worker.QueueStats;
import java.util.List;

/**
 * The status document served at {@code /plugins/{instance}/status}.
 *
 * @param harbor Harbor's host
 * @param mode {@code manifests} or {@code full}
 * @param platforms the configured platforms
 * @param dryRun true when the instance is in audit mode (nothing is ever warmed)
 * @param simulated true when the debug simulation replaces network work
 * @param queue depth, in flight, capacity and counters (offered, enqueued, deduplicated, dropped,
 *     succeeded, failed, retried)
 * @param recent the last results, newest first
 */
public record PopulatorStatus(
    String harbor,
    String mode,
    List<String> platforms,
    boolean dryRun,
    boolean simulated,
    QueueStats queue,
    List<WarmResult> recent) {}
