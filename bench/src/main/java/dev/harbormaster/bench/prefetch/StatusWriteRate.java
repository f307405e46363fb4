package dev.harbormaster.bench.prefetch;

import dev.harbormaster.prefetch.agent.node.StatusReporter;
import dev.harbormaster.prefetch.model.NodeImage;
import dev.harbormaster.prefetch.model.NodeReport;
import dev.harbormaster.prefetch.model.PrefetchNodeStatus;
import dev.harbormaster.prefetch.model.PullPhase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.PrintStream;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code nodes} {@link StatusReporter}s (one per simulated node, sharing one client) whose report
 * changes every {@code changeEvery}, offered to their reporter continuously for {@code runFor},
 * against fabric8's mock API server in CRUD mode; the writes it received are checked against the
 * reporter's {@code minInterval}.
 */
record StatusWriteRate(int nodes, Duration runFor, Duration minInterval, Duration changeEvery) {
  private static final int DRIVERS = 16;

  /** Held so the level set on it stays: the mock server logs every request at INFO. */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  /** Runs the simulation and prints the figures; returns whether the rate limit held. */
  boolean run(PrintStream out) throws Exception {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    WriteLog log = new WriteLog();
    RecordingDispatcher dispatcher = new RecordingDispatcher(log);
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init();
    try (KubernetesClient client = server.createClient()) {
      List<StatusReporter> reporters = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        reporters.add(new StatusReporter(client, minInterval, InstantSource.system()));
      }
      // Warm the client and server up (first connection, class loading) before the clock starts.
      new StatusReporter(client, minInterval, InstantSource.system())
          .maybeWrite(report("warm-up", 0));
      long start = dispatcher.startRecording();
      long offers = drive(reporters, start);
      long stored = client.resources(PrefetchNodeStatus.class).list().getItems().size();
      print(out, log, dispatcher, offers, stored);
    } finally {
      server.destroy();
    }
    long maxPerWindow = log.maxPerNodeInWindow(minInterval.toMillis() - slackMillis());
    return maxPerWindow <= 1 && log.nodes() == nodes;
  }

  /** Server receive times may bunch up by request queueing: allow 5% of the interval. */
  private long slackMillis() {
    return minInterval.toMillis() / 20;
  }

  private long drive(List<StatusReporter> reporters, long start) throws Exception {
    long endNanos = start + runFor.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(DRIVERS);
    try {
      List<Future<Long>> parts = new ArrayList<>();
      for (int d = 0; d < DRIVERS; d++) {
        int first = d;
        parts.add(
            pool.submit(
                () -> {
                  long offered = 0;
                  while (System.nanoTime() < endNanos) {
                    long generation = (System.nanoTime() - start) / changeEvery.toNanos();
                    for (int i = first; i < reporters.size(); i += DRIVERS) {
                      reporters.get(i).maybeWrite(report("node-" + i, generation));
                      offered++;
                    }
                    Thread.sleep(20);
                  }
                  return offered;
                }));
      }
      long offered = 0;
      for (Future<Long> part : parts) {
        offered += part.get();
      }
      return offered;
    } finally {
      pool.shutdownNow();
    }
  }

  private static NodeReport report(String node, long generation) {
    return new NodeReport(
        node,
        "containerd 1.6",
        List.of(
            new NodeImage(
                "registry.example/app:v1",
                PullPhase.Pulling,
                (int) generation,
                "",
                "",
                "",
                0,
                "2026-01-01T00:00:00Z")));
  }

  private void print(
      PrintStream out, WriteLog log, RecordingDispatcher dispatcher, long offers, long stored) {
    double seconds = runFor.toMillis() / 1000.0;
    long window = minInterval.toMillis() - slackMillis();
    out.printf(
        "%nStatus writes: %d simulated nodes, report changes every %d ms, %.0f s,"
            + " reporter minInterval %d ms%n",
        nodes, changeEvery.toMillis(), seconds, minInterval.toMillis());
    out.println(
        "  API server: fabric8 kubernetes-server-mock, CRUD mode (a real API server cannot run"
            + " here); one shared client");
    out.printf("  reports offered to reporters: %d%n", offers);
    out.printf(
        "  writes received (apply PATCH): %d from %d nodes; create/update fallbacks %d;"
            + " objects stored %d (with the warm-up object)%n",
        log.total(), log.nodes(), dispatcher.fallbackRequests(), stored);
    out.printf(
        "  writes/s average %.1f; configured limit %d nodes / %.1f s = %.1f/s%n",
        log.total() / seconds,
        nodes,
        minInterval.toMillis() / 1000.0,
        nodes * 1000.0 / minInterval.toMillis());
    out.println("  writes per second of the run: " + log.perSecond());
    long max = log.maxPerNodeInWindow(window);
    out.printf(
        "  max writes by one node in any %d ms window: %d (limit 1) -> %s%n",
        window, max, max <= 1 && log.nodes() == nodes ? "OK" : "NOT OK");
  }
}
