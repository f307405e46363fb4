package dev.harbormaster.plugin.mirrorsync.lease;

/** Whether this replica may sync now. */
@FunctionalInterface
public interface LeaderGate {
  /** True while this replica is the leader. */
  boolean isLeader();

  /** A gate that is always open (leader election disabled: a single replica). */
  static LeaderGate always() {
    return () -> true;
  }
}
