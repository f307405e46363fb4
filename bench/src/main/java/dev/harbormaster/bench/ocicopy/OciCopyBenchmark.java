package dev.harbormaster.bench.ocicopy;

import dev.harbormaster.oci.copy.ImageCopier;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.Skopeo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Copies a set of images between two local docker-registry instances with Harbormaster's {@link
 * ImageCopier} and with {@code skopeo copy --all}, cold (empty target) and warm (target complete),
 * in the same run, and prints wall time and request counts (from the registries' access logs).
 *
 * <p>Each tool gets its own empty target registry for the cold run; warm runs repeat {@code
 * WARM_RUNS} times and the median is reported. Afterwards every copied index must have the source's
 * digest. Run with {@code bench/run-oci-copy.sh}; arguments: {@code [images] [layerKiB]
 * [warmRuns]}.
 */
public final class OciCopyBenchmark {
  private OciCopyBenchmark() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    int images = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    long layerSize = (args.length > 1 ? Long.parseLong(args[1]) : 512) * 1024;
    int warmRuns = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Skopeo skopeo = Skopeo.locate();
    try (RegistryPeer source = RegistryPeer.startPlain();
        RegistryPeer skopeoTarget = RegistryPeer.startPlain();
        RegistryPeer oursTarget = RegistryPeer.startPlain();
        RegistryPeer oursParallelTarget = RegistryPeer.startPlain()) {
      BenchImageSet set = BenchImageSet.pushTo(source, images, layerSize);
      System.out.printf(
          "%d images (%d single-, %d multi-platform), %.1f MiB of blobs and manifests%n",
          images, images - images / 2, images / 2, set.totalBytes() / 1048576.0);
      RegistryClient client =
          RegistryClient.builder()
              .allowHosts(
                  source.host(), skopeoTarget.host(), oursTarget.host(), oursParallelTarget.host())
              .insecureHosts(
                  source.host(), skopeoTarget.host(), oursTarget.host(), oursParallelTarget.host())
              .build();
      ImageCopier copier = ImageCopier.builder(client, client).build();

      List<CopyMeasurement> results = new ArrayList<>();
      Runner skopeoRun = target -> skopeoAll(skopeo, source, target, set);
      Runner oursRun = target -> oursAll(copier, source, target, set, 1);
      Runner oursParallelRun = target -> oursAll(copier, source, target, set, 4);
      results.add(measure("skopeo copy --all", "cold", source, skopeoTarget, skopeoRun));
      results.add(measure("harbormaster", "cold", source, oursTarget, oursRun));
      results.add(
          measure("harbormaster 4 images", "cold", source, oursParallelTarget, oursParallelRun));
      results.add(
          median(
              warmRuns,
              () -> measure("skopeo copy --all", "warm", source, skopeoTarget, skopeoRun)));
      results.add(
          median(warmRuns, () -> measure("harbormaster", "warm", source, oursTarget, oursRun)));
      results.add(
          median(
              warmRuns,
              () ->
                  measure(
                      "harbormaster 4 images",
                      "warm",
                      source,
                      oursParallelTarget,
                      oursParallelRun)));

      verifyIdentical(skopeo, source, set, skopeoTarget, oursTarget, oursParallelTarget);
      print(results);
    }
  }

  @FunctionalInterface
  private interface Runner {
    void copyAll(RegistryPeer target) throws Exception;
  }

  @FunctionalInterface
  private interface Measured {
    CopyMeasurement run() throws Exception;
  }

  private static CopyMeasurement measure(
      String tool, String phase, RegistryPeer source, RegistryPeer target, Runner runner)
      throws Exception {
    settle();
    int sourceMark = source.accessLog().size();
    int targetMark = target.accessLog().size();
    long start = System.nanoTime();
    runner.copyAll(target);
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    settle();
    return new CopyMeasurement(
        tool,
        phase,
        wall,
        source.accessLog().since(sourceMark).size(),
        target.accessLog().since(targetMark).size());
  }

  private static CopyMeasurement median(int runs, Measured measured) throws Exception {
    CopyMeasurement[] all = new CopyMeasurement[runs];
    for (int i = 0; i < runs; i++) {
      all[i] = measured.run();
    }
    Arrays.sort(all, (a, b) -> a.wall().compareTo(b.wall()));
    return all[runs / 2];
  }

  private static void skopeoAll(
      Skopeo skopeo, RegistryPeer source, RegistryPeer target, BenchImageSet set) {
    for (String ref : set.repositories()) {
      skopeo.copyAll(source.dockerRef(ref), target.dockerRef(ref));
    }
  }

  private static void oursAll(
      ImageCopier copier, RegistryPeer source, RegistryPeer target, BenchImageSet set, int images)
      throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(images)) {
      List<Future<?>> running = new ArrayList<>();
      for (String ref : set.repositories()) {
        running.add(
            pool.submit(
                () -> {
                  try {
                    return copier.copy(
                        ImageReference.parse(source.imageRef(ref)),
                        ImageReference.parse(target.imageRef(ref)));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    }
  }

  private static void verifyIdentical(
      Skopeo skopeo, RegistryPeer source, BenchImageSet set, RegistryPeer... targets) {
    for (String ref : set.repositories()) {
      byte[] expected = skopeo.inspectRaw(source.dockerRef(ref));
      for (RegistryPeer target : targets) {
        if (!Arrays.equals(expected, skopeo.inspectRaw(target.dockerRef(ref)))) {
          throw new IllegalStateException(ref + " differs in " + target.host());
        }
      }
    }
    System.out.println("all copies byte-identical to the source (skopeo inspect --raw)");
  }

  /** Lets the registries flush their access logs (written asynchronously to stdout). */
  private static void settle() throws InterruptedException {
    Thread.sleep(1000);
  }

  private static void print(List<CopyMeasurement> results) {
    System.out.println();
    System.out.println(
        "| tool                   | run  |        wall | source | target |  total |");
    System.out.println(
        "|------------------------|------|-------------|--------|--------|--------|");
    results.forEach(r -> System.out.println(r.row()));
    for (String phase : List.of("cold", "warm")) {
      CopyMeasurement skopeo = find(results, "skopeo copy --all", phase);
      for (String ours : List.of("harbormaster", "harbormaster 4 images")) {
        CopyMeasurement h = find(results, ours, phase);
        System.out.printf(
            "%s %s: wall %.2fx of skopeo (speed-up %.2fx), requests %.2fx%n",
            phase,
            ours,
            (double) h.wall().toMillis() / skopeo.wall().toMillis(),
            (double) skopeo.wall().toMillis() / h.wall().toMillis(),
            (double) h.requests() / skopeo.requests());
      }
    }
  }

  private static CopyMeasurement find(List<CopyMeasurement> results, String tool, String phase) {
    return results.stream()
        .filter(r -> r.tool().equals(tool) && r.phase().equals(phase))
        .findFirst()
        .orElseThrow();
  }
}
