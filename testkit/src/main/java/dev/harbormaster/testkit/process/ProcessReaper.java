package dev.harbormaster.testkit.process;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stops peer processes by PID: {@code destroy} (SIGTERM), wait, then {@code destroyForcibly}
 * (SIGKILL), and the same for any children the peer spawned. One JVM shutdown hook stops every
 * process still registered, so a crashed or interrupted test run leaves no peer behind.
 */
final class ProcessReaper {

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean hookInstalled;

  private ProcessReaper() {}

  static void register(Process process) {
    installHook();
    LIVE.add(process);
  }

  static void stop(Process process, Duration grace) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    LIVE.remove(process);
  }

  private static synchronized void installHook() {
    if (hookInstalled) {
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> List.copyOf(LIVE).forEach(p -> stop(p, Duration.ofSeconds(2))),
                "testkit-peer-reaper"));
    hookInstalled = true;
  }
}
