package dev.harbormaster.plugin.mirrorsync.status;

import dev.harbormaster.worker.QueueStats;
import java.util.List;
import java.util.Optional;

/**
 * The status document of a {@code mirror-sync} instance.
 *
 * @param leader whether this replica holds the lease (always true without leader election)
 * @param running whether a pass is being planned right now
 * @param lastRunStarted when the last pass started (ISO-8601)
 * @param lastRunFinished when its planning ended and its copies were all queued (ISO-8601)
 * @param lastRunMillis how long planning took
 * @param mirrors per mirror
 * @param queue the copy queue
 */
public record SyncStatus(
    boolean leader,
    boolean running,
    Optional<String> lastRunStarted,
    Optional<String> lastRunFinished,
    Optional<Long> lastRunMillis,
    List<MirrorStatus> mirrors,
    QueueStats queue) {}
