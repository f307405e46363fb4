package dev.harbormaster.bench.prefetch;

import dev.harbormaster.oci.auth.Keyring;
import dev.harbormaster.prefetch.agent.cri.CriClient;
import dev.harbormaster.prefetch.agent.node.LoopSettings;
import dev.harbormaster.prefetch.agent.pull.ImagePuller;
import dev.harbormaster.prefetch.agent.pull.PullOutcome;
import dev.harbormaster.testkit.containerd.ContainerdPeer;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.TestImages;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Per round, each tool pulls all images into its own fresh containerd (cold): the agent's CRI path
 * ({@link ImagePuller}) and {@code ctr images pull --plain-http}, both with the agent's default
 * number of concurrent pulls ({@link LoopSettings#defaults()}).
 */
record PullComparison(int images, int layers, long layerBytes, int rounds) {

  /** Pushes the images, runs the rounds, prints per-round times, medians and the ratio. */
  void run(PrintStream out) throws Exception {
    int workers = LoopSettings.defaults().workers();
    try (RegistryPeer registry = RegistryPeer.startPlain()) {
      List<String> refs = new ArrayList<>();
      for (int i = 0; i < images; i++) {
        String repo = "bench/prefetch-" + i + ":v1";
        TestImages.builder()
            .seed(7000 + i)
            .layers(layers)
            .layerSize(layerBytes)
            .tag("v1")
            .write()
            .pushWithSkopeo(registry, repo);
        refs.add(registry.imageRef(repo));
      }
      out.printf(
          "Pull comparison: %d images x %d layers x %d KiB from one docker-registry,"
              + " %d concurrent pulls each (agent: one CRI connection; ctr: a process per image),"
              + " fresh containerd per tool per round%n",
          images, layers, layerBytes / 1024, workers);
      List<Double> agent = new ArrayList<>();
      List<Double> ctr = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        double a = timed(registry, refs, workers, true);
        double c = timed(registry, refs, workers, false);
        agent.add(a);
        ctr.add(c);
        out.printf("  round %d: agent (CRI) %.2f s, ctr %.2f s, ratio %.2f%n", round, a, c, a / c);
      }
      double ma = Medians.of(agent);
      double mc = Medians.of(ctr);
      out.printf(
          "  median: agent (CRI) %.2f s, ctr %.2f s, ratio agent/ctr %.2f%n", ma, mc, ma / mc);
    }
  }

  /**
   * Pulls {@code refs} into a fresh containerd with {@code workers} pulls at once; the agent uses
   * one long-lived CRI connection (opened before the clock starts, as on a node), ctr one process
   * per image.
   */
  private static double timed(RegistryPeer registry, List<String> refs, int workers, boolean agent)
      throws Exception {
    try (ContainerdPeer containerd = ContainerdPeer.start();
        CriClient cri = CriClient.connect(containerd.socket())) {
      containerd.trustPlainHttp(registry);
      cri.version();
      ImagePuller puller = new ImagePuller(cri, Duration.ofMinutes(5));
      Consumer<String> pull = agent ? ref -> pullWithAgent(puller, ref) : containerd::pullPlainHttp;
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      try {
        long start = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (String ref : refs) {
          all.add(pool.submit(() -> pull.accept(ref)));
        }
        for (Future<?> f : all) {
          f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!containerd.imageNames().containsAll(refs)) {
          throw new IllegalStateException("not every image arrived: " + containerd.imageNames());
        }
        return seconds;
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static void pullWithAgent(ImagePuller puller, String ref) {
    PullOutcome outcome = puller.pull(ref, Keyring.anonymous(), "");
    if (!(outcome instanceof PullOutcome.Pulled)) {
      throw new IllegalStateException("agent pull of " + ref + " gave " + outcome);
    }
  }
}
