package dev.harbormaster.bench.admission;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this JVM (all threads: request handling, plugins, GC, JIT), which serves both the
 * host and the bare endpoint; only the one under load is busy during a wrk run.
 */
final class ServerCpu {
  private ServerCpu() {}

  static long nanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    throw new IllegalStateException("this JVM does not report its process CPU time");
  }
}
