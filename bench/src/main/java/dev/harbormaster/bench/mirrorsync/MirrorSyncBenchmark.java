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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Mirrors one upstream repository (distinct single- and multi-platform images under many tags) into
 * two empty docker-registry targets, one with {@code harbormaster mirror sync --once} and one with
 * {@code skopeo sync --all}, then repeats both with nothing changed (warm), alternating the tools
 * round by round in the same run. Ours runs as the real distribution ({@code bin/harbormaster},
 * fresh JVM, launcher flags and AppCDS archive) and, for reference, in process (the command as the
 * host calls it, without JVM start-up). Reports wall times (median of the warm rounds), requests
 * per tag (both registries' access logs), the JVM start-up floor and the load average, and checks
 * that every target tag has the upstream digest. With a one-way delay, both tools reach the
 * upstream through a {@link DelayRelay} that adds it in each direction (a remote registry; the
 * targets stay direct, as a mirror is near its cluster). Arguments: {@code [images=12]
 * [tagsPerImage=3] [layerKiB=256] [rounds=5] [oneWayDelayMs=0]} (0: upstream direct on loopback);
 * run with {@code bench/run-mirror-sync.sh}.
 */
public final class MirrorSyncBenchmark {
  private static final String REPO = "library/app";

  /** The launcher's flags for a plugin command (see bin/harbormaster). */
  private static final List<String> ONE_SHOT = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData");

  private MirrorSyncBenchmark() {}

  /** One measured run; {@code upstreamConnections} counts the relay's (0 when direct). */
  record Measurement(
      String tool,
      String phase,
      double seconds,
      int sourceRequests,
      int targetRequests,
      int upstreamConnections) {
    double perTag(int tags) {
      return (sourceRequests + targetRequests) / (double) tags;
    }
  }

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    int images = arg(args, 0, 12);
    int tagsPerImage = arg(args, 1, 3);
    long layerSize = arg(args, 2, 256) * 1024L;
    int rounds = arg(args, 3, 5);
    Duration delay = Duration.ofMillis(arg(args, 4, 0));
    Path jar = Path.of(System.getProperty("mirrorsync.jar"));
    Skopeo skopeo = Skopeo.locate();
    MirrorCommandJar command = new MirrorCommandJar(jar);
    Path work = Files.createTempDirectory("mirror-sync-bench");
    DistributionCommand dist =
        new DistributionCommand(Path.of(System.getProperty("mirrorsync.distribution")), work);
    String loadBefore = loadAverage();
    try (RegistryPeer source = RegistryPeer.startPlain();
        RegistryPeer skopeoTarget = RegistryPeer.startPlain();
        RegistryPeer oursTarget = RegistryPeer.startPlain();
        RegistryPeer inProcessTarget = RegistryPeer.startPlain();
        DelayRelay relay =
            DelayRelay.start(new InetSocketAddress("127.0.0.1", source.port()), delay)) {
      String upstream = delay.isZero() ? source.host() : relay.host();
      List<String> tags = push(source, images, tagsPerImage, layerSize);
      System.out.printf(
          "%s: %d tags over %d images (half of them two-platform), layers of %d KiB; java %s;"
              + " upstream %s%n",
          java.time.Instant.now(),
          tags.size(),
          images,
          layerSize / 1024,
          Runtime.version(),
          delay.isZero()
              ? "direct on loopback"
              : "through a relay adding %d ms each way (targets direct)"
                  .formatted(delay.toMillis()));
      JsonNode inProcessConfig = config(upstream, inProcessTarget, "in-process-state.json");
      TestPluginContext context =
          new TestPluginContext("mirror", "mirror-sync").withConfigDirectory(work);
      Runnable inProcess =
          () -> {
            try {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              int exit =
                  command.run(
                      inProcessConfig,
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
                  upstream + "/" + REPO,
                  Optional.empty(),
                  skopeoTarget.host() + "/mirror",
                  Optional.empty());
      Path hostConfig =
          dist.hostConfig(
              new YAMLMapper().writeValueAsString(config(upstream, oursTarget, "state.json")));
      List<String> once = List.of("mirror", "sync", "--config", hostConfig.toString(), "--once");
      Runnable ours = () -> dist.run(once);
      // The first run of a command word writes its AppCDS archive; a dry run (reads only) does it
      // here so that the cold copy below is timed as every later run starts.
      dist.run(List.of("mirror", "sync", "--config", hostConfig.toString(), "--once", "--dry-run"));
      List<Measurement> results = new ArrayList<>();
      results.add(measure("skopeo sync --all", "cold", source, relay, skopeoTarget, theirs));
      results.add(
          measure("harbormaster mirror sync --once", "cold", source, relay, oursTarget, ours));
      results.add(measure("  same, in process", "cold", source, relay, inProcessTarget, inProcess));
      List<List<Measurement>> warm =
          List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (int r = 0; r < rounds; r++) {
        warm.get(0).add(measure("skopeo sync --all", "warm", source, relay, skopeoTarget, theirs));
        warm.get(1)
            .add(
                measure(
                    "harbormaster mirror sync --once", "warm", source, relay, oursTarget, ours));
        warm.get(2)
            .add(measure("  same, in process", "warm", source, relay, inProcessTarget, inProcess));
      }
      warm.forEach(w -> results.add(median(w)));
      List<Double> floor = new ArrayList<>();
      List<Double> version = new ArrayList<>();
      List<Double> plainJava = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        plainJava.add(time(() -> DistributionCommand.emptyJvm(List.of("-version"))));
        floor.add(time(() -> DistributionCommand.emptyJvm(ONE_SHOT)));
        version.add(time(() -> dist.run(List.of("--version"))));
      }
      verify(skopeo, source, skopeoTarget, "mirror/app", tags);
      verify(skopeo, source, oursTarget, "mirror/" + REPO, tags);
      verify(skopeo, source, inProcessTarget, "mirror/" + REPO, tags);
      System.out.printf(
          "%-34s %-5s %9s %10s %10s %9s %11s%n",
          "tool", "phase", "seconds", "source req", "target req", "req/tag", "relay conns");
      for (Measurement m : results) {
        System.out.printf(
            "%-34s %-5s %9.3f %10d %10d %9.2f %11d%n",
            m.tool(),
            m.phase(),
            m.seconds(),
            m.sourceRequests(),
            m.targetRequests(),
            m.perTag(tags.size()),
            m.upstreamConnections());
      }
      System.out.printf(
          "warm rounds (s): skopeo %s | ours %s | in process %s%n",
          seconds(warm.get(0)), seconds(warm.get(1)), seconds(warm.get(2)));
      System.out.printf(
          "JVM floor (median of %d): java -version %.3f s; empty main with %s %.3f s;"
              + " bin/harbormaster --version %.3f s%n",
          rounds,
          medianOf(plainJava),
          String.join(" ", ONE_SHOT),
          medianOf(floor),
          medianOf(version));
      Measurement skopeoWarm = results.get(3);
      Measurement oursWarm = results.get(4);
      System.out.printf(
          "warm speed-up: %.1fx (distribution), %.1fx (in process);"
              + " cold ratio ours/skopeo: %.2f (distribution), %.2f (in process);"
              + " every target tag has the upstream digest%n",
          skopeoWarm.seconds() / oursWarm.seconds(),
          skopeoWarm.seconds() / results.get(5).seconds(),
          results.get(1).seconds() / results.get(0).seconds(),
          results.get(2).seconds() / results.get(0).seconds());
      System.out.printf("load average: before %s, after %s%n", loadBefore, loadAverage());
      context.scheduler().shutdownNow();
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static double time(Runnable run) {
    long start = System.nanoTime();
    run.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double medianOf(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String seconds(List<Measurement> ms) {
    return String.join(" ", ms.stream().map(m -> String.format("%.3f", m.seconds())).toList());
  }

  private static JsonNode config(String upstream, RegistryPeer target, String stateFile) {
    String yaml =
        """
        target: {registry: "%s", prefix: mirror, insecure: true}
        registries: [{registry: "%s", insecure: true}]
        sync: {stateFile: %s}
        leaderElection: {enabled: false}
        mirrors:
          - source: %s/%s
        """
            .formatted(target.host(), upstream, stateFile, upstream, REPO);
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
      String tool,
      String phase,
      RegistryPeer source,
      DelayRelay relay,
      RegistryPeer target,
      Runnable run) {
    int c = relay.connectionsAccepted();
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
        target.accessLog().since(t).size(),
        relay.connectionsAccepted() - c);
  }

  private static Measurement median(List<Measurement> runs) {
    List<Measurement> sorted =
        runs.stream().sorted((a, b) -> Double.compare(a.seconds(), b.seconds())).toList();
    return sorted.get(sorted.size() / 2);
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
