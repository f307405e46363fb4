package dev.harbormaster.it;

import dev.harbormaster.testkit.process.WorkDirs;

/**
 * One host for the suite's HTTP tests, started on first use with {@code host-config.yaml} and
 * stopped when the test JVM exits (the testkit's process reaper), so that the test classes share
 * one start-up.
 */
final class SharedHost {
  private static HostProcess host;

  private SharedHost() {}

  static synchronized HostProcess get() {
    if (host == null || !host.isAlive()) {
      host = HostProcess.start(WorkDirs.createDeletedAtExit("harbormaster-it"), "host-config.yaml");
    }
    return host;
  }
}
