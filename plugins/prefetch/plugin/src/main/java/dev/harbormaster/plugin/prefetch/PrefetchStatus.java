package dev.harbormaster.plugin.prefetch;

import dev.harbormaster.worker.QueueStats;
import java.util.List;

/**
 * The instance's status document ({@code GET /plugins/{instance}/status}).
 *
 * @param namespace where intents are written
 * @param dryRun whether the instance is in audit mode (nothing is written)
 * @param queue the write queue's gauges and counters
 * @param written intents written so far
 * @param writeFailures failed write attempts so far
 * @param aggregation what the last aggregation pass saw
 * @param recent the last intents written (or not), newest first
 */
public record PrefetchStatus(
    String namespace,
    boolean dryRun,
    QueueStats queue,
    long written,
    long writeFailures,
    StatusAggregator.Summary aggregation,
    List<RecentIntents.Entry> recent) {}
