package dev.harbormaster.bench.mirrorsync;

import dev.harbormaster.oci.manifest.ManifestBytes;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.testkit.plugin.TestPluginContext;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.Skopeo;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Mirrors one upstream repository (distinct single- and multi-platform images under many tags) into
 * two empty docker-registry targets, one with {@code harbormaster mirror sync --once} and one with
 * {@code skopeo sync --all}, then repeats both with nothing changed (warm). Reports wall time and
 * requests per tag (both registries' access logs), median of the warm runs, and checks that every
 * target tag has the upstream digest. Arguments: {@code [images=12] [tagsPerImage=3] [layerKiB=256]
 * [warmRuns=3]}; run with {@code bench/run-mirror-sync.sh}. The warm run of ours is measured twice:
 * in process (the command as the host calls it) and in a fresh JVM (JVM start-up and plugin loading
 * included), since the host's command line is wired separately.
 */
public final class MirrorSyncBenchmark {
  private static final String REPO = "library/app";

  /** Flags for a short-lived JVM: quick C1 compilation only, serial GC. */
  private static final List<String> QUICK_JVM =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private MirrorSyncBenchmark() {}

  /** One measured run. */
  record Measurement(
      String tool, String phase, double seconds, int sourceRequests, int targetRequests) {
    double perTag(int tags) {
      return (sourceRequests + targetRequests) / (double) tags;
    }
  }

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    int images = arg(args, 0, 12);
    int tagsPerImage = arg(args, 1, 3);
    long layerSize = arg(args, 2, 256) * 1024L;
    int warmRuns = arg(args, 3, 3);
    Path jar = Path.of(System.getProperty("mirrorsync.jar"));
    Skopeo skopeo = Skopeo.locate();
    MirrorCommandJar command = new MirrorCommandJar(jar);
    Path work = Files.createTempDirectory("mirror-sync-bench");
    try (RegistryPeer source = RegistryPeer.startPlain();
        RegistryPeer skopeoTarget = RegistryPeer.startPlain();
        RegistryPeer oursTarget = RegistryPeer.startPlain()) {
      List<String> tags = push(source, images, tagsPerImage, layerSize);
      System.out.printf(
          "%d tags over %d images (half of them two-platform), layers of %d KiB%n",
          tags.size(), images, layerSize / 1024);
      JsonNode config = config(source, oursTarget);
      TestPluginContext context =
          new TestPluginContext("mirror", "mirror-sync").withConfigDirectory(work);
      Runnable ours =
          () -> {
            try {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              int exit =
                  command.run(
                      config,
                      context,
                      List.of("sync", "--once"),
                      new PrintStream(out, true, StandardCharsets.UTF_8));
              if (exit != 0) {
                throw new IllegalStateException("mirror sync failed:\n" + out);
              }
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      Runnable theirs =
          () ->
              skopeo.sync(
                  source.host() + "/" + REPO,
                  Optional.empty(),
                  skopeoTarget.host() + "/mirror",
                  Optional.empty());
      Path configFile = work.resolve("mirror.yaml");
      Files.writeString(configFile, new YAMLMapper().writeValueAsString(config));
      Runnable oursProcess = () -> inFreshJvm(jar, configFile, List.of());
      Runnable oursQuickJvm = () -> inFreshJvm(jar, configFile, QUICK_JVM);
      List<Measurement> results = new ArrayList<>();
      results.add(measure("skopeo sync --all", "cold", source, skopeoTarget, theirs));
      results.add(measure("harbormaster mirror sync --once", "cold", source, oursTarget, ours));
      results.add(median(warmRuns, "skopeo sync --all", source, skopeoTarget, theirs));
      results.add(median(warmRuns, "harbormaster mirror sync --once", source, oursTarget, ours));
      results.add(median(warmRuns, "  same, in a fresh JVM", source, oursTarget, oursProcess));
      results.add(median(warmRuns, "  same, fresh JVM, C1 only", source, oursTarget, oursQuickJvm));
      verify(skopeo, source, skopeoTarget, "mirror/app", tags);
      verify(skopeo, source, oursTarget, "mirror/" + REPO, tags);
      System.out.printf(
          "%-34s %-5s %9s %10s %10s %9s%n",
          "tool", "phase", "seconds", "source req", "target req", "req/tag");
      for (Measurement m : results) {
        System.out.printf(
            "%-34s %-5s %9.3f %10d %10d %9.2f%n",
            m.tool(),
            m.phase(),
            m.seconds(),
            m.sourceRequests(),
            m.targetRequests(),
            m.perTag(tags.size()));
      }
      System.out.printf(
          "warm speed-up: %.1fx in process, %.1fx in a fresh JVM, %.1fx in a fresh C1-only JVM;"
              + " cold ratio (ours/skopeo): %.2f; every target tag has the upstream digest%n",
          results.get(2).seconds() / results.get(3).seconds(),
          results.get(2).seconds() / results.get(4).seconds(),
          results.get(2).seconds() / results.get(5).seconds(),
          results.get(1).seconds() / results.get(0).seconds());
      context.scheduler().shutdownNow();
    }
  }

  private static JsonNode config(RegistryPeer source, RegistryPeer target) {
    String yaml =
        """
        target: {registry: "%s", prefix: mirror, insecure: true}
        registries: [{registry: "%s", insecure: true}]
        sync: {stateFile: mirror-state.json}
        leaderElection: {enabled: false}
        mirrors:
          - source: %s/%s
        """
            .formatted(target.host(), source.host(), source.host(), REPO);
    return new YAMLMapper().readTree(yaml);
  }

  private static List<String> push(RegistryPeer source, int images, int tagsPerImage, long layer)
      throws Exception {
    RegistryClient client =
        RegistryClient.builder().allowHosts(source.host()).insecureHosts(source.host()).build();
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      TestImages b =
          TestImages.builder().seed(9000 + i).layers(2).layerSize(layer).tag("v" + i + ".0.0");
      if (i % 2 == 1) {
        b.platforms("linux/amd64", "linux/arm64/v8");
      }
      TestImage image = b.write();
      String first = "v" + i + ".0.0";
      image.pushWithSkopeo(source, REPO + ":" + first);
      tags.add(first);
      ManifestBytes m =
          client.getManifest(ImageReference.parse(source.imageRef(REPO + ":" + first)));
      for (int t = 1; t < tagsPerImage; t++) {
        String tag = "v" + i + ".0." + t;
        client.putManifest(ImageReference.parse(source.imageRef(REPO + ":" + tag)), m);
        tags.add(tag);
      }
    }
    return tags;
  }

  private static Measurement measure(
      String tool, String phase, RegistryPeer source, RegistryPeer target, Runnable run) {
    int s = source.accessLog().size();
    int t = target.accessLog().size();
    long start = System.nanoTime();
    run.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    sleepQuietly(300); // let the registries flush their access logs
    return new Measurement(
        tool,
        phase,
        seconds,
        source.accessLog().since(s).size(),
        target.accessLog().since(t).size());
  }

  private static Measurement median(
      int runs, String tool, RegistryPeer source, RegistryPeer target, Runnable run) {
    Measurement[] all = new Measurement[runs];
    for (int i = 0; i < runs; i++) {
      all[i] = measure(tool, "warm", source, target, run);
    }
    Arrays.sort(all, (a, b) -> Double.compare(a.seconds(), b.seconds()));
    return all[runs / 2];
  }

  private static void verify(
      Skopeo skopeo,
      RegistryPeer source,
      RegistryPeer target,
      String targetRepo,
      List<String> tags) {
    for (String tag : tags) {
      byte[] up = skopeo.inspectRaw(source.dockerRef(REPO + ":" + tag));
      byte[] down = skopeo.inspectRaw(target.dockerRef(targetRepo + ":" + tag));
      if (!Arrays.equals(up, down)) {
        throw new IllegalStateException(target.host() + "/" + targetRepo + ":" + tag + " differs");
      }
    }
  }

  private static void inFreshJvm(Path jar, Path config, List<String> jvmFlags) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            MirrorSyncOnce.class.getName(),
            jar.toString(),
            config.toString()));
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(
            "mirror sync --once in a fresh JVM exited " + p.exitValue());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int arg(String[] args, int i, int dflt) {
    return args.length > i ? Integer.parseInt(args[i]) : dflt;
  }
}
