package dev.harbormaster.bench.populator;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.runtime.HostServer;
import dev.harbormaster.testkit.registry.HarborFront;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.Skopeo;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5's warm benchmark: per round, a fresh (cold) Harbor front with a proxy project {@code hub}
 * of one upstream docker-registry is warmed with {@code skopeo copy --all docker://<front>/hub/...
 * oci:<dir>}, and another fresh front is warmed by the harbor-proxy-populator plugin of an
 * in-process host, after one Pod CREATE review naming {@code docker.io/library/app:v1}. Both are
 * timed until every config and layer blob of both platforms is in the proxy's storage, so both
 * measure "the cache is warm". The admission answer must be {@code allowed}.
 *
 * <p>Arguments: {@code <pluginsDir> [rounds=3] [layers=4] [layerMiB=8]}. Run with {@code
 * bench/run-populator-warm.sh}.
 */
public final class PopulatorWarmBenchmark {
  private static final String REPO = "library/app:v1";
  private static final Duration STORE_TIMEOUT = Duration.ofMinutes(5);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PopulatorWarmBenchmark() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException(
          "usage: PopulatorWarmBenchmark <pluginsDir> [rounds] [layers] [layerMiB]");
    }
    Path plugins = Path.of(args[0]).toAbsolutePath();
    if (!Files.isDirectory(plugins)) {
      throw new IllegalArgumentException("pluginsDir is not a directory: " + plugins);
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int layers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    long layerSize = (args.length > 3 ? Long.parseLong(args[3]) : 8) << 20;
    Skopeo skopeo = Skopeo.locate();
    Path work = Files.createTempDirectory("hm-populator-warm");
    TestImage image =
        TestImages.builder()
            .seed(5)
            .platforms("linux/amd64", "linux/arm64/v8")
            .layers(layers)
            .layerSize(layerSize)
            .tag("v1")
            .write();
    List<String> blobs = new ArrayList<>();
    image.images().forEach(p -> blobs.add(p.config().digest()));
    image.images().forEach(p -> p.layers().forEach(l -> blobs.add(l.blob().digest())));
    try (RegistryPeer upstream = RegistryPeer.startPlain()) {
      image.pushWithSkopeo(upstream, REPO);
      System.out.printf(
          "image: 2 platforms x %d layers of %d MiB, %d config+layer blobs, %.1f MiB in all%n",
          layers, layerSize >> 20, blobs.size(), image.totalBytes() / 1048576.0);
      List<WarmRound> results = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        Duration skopeoTime = skopeoRound(skopeo, upstream, work.resolve("oci-" + round), blobs);
        results.add(oursRound(round, upstream, plugins, work, blobs, skopeoTime));
        System.out.println("round " + round + " done: " + results.getLast().row());
      }
      print(results);
    }
  }

  private static Duration skopeoRound(
      Skopeo skopeo, RegistryPeer upstream, Path dir, List<String> blobs) {
    try (HarborFront front = HarborFront.builder().proxyProject("hub", upstream).start()) {
      long start = System.nanoTime();
      skopeo
          .run(
              List.of(
                  "copy",
                  "--all",
                  "--quiet",
                  "--src-tls-verify=false",
                  "docker://" + front.imageRef("hub", REPO),
                  "oci:" + dir + ":v1"))
          .orThrow();
      awaitStored(front.proxyRegistry("hub"), blobs);
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }

  private static WarmRound oursRound(
      int round,
      RegistryPeer upstream,
      Path plugins,
      Path work,
      List<String> blobs,
      Duration skopeoTime)
      throws Exception {
    try (HarborFront front = HarborFront.builder().proxyProject("hub", upstream).start()) {
      Path config = work.resolve("host-" + round + ".yaml");
      Files.writeString(config, hostConfig(plugins, front.host()));
      try (HostServer host = HostServer.start(ConfigLoader.load(config));
          HttpClient http = HttpClient.newHttpClient()) {
        HttpRequest review =
            HttpRequest.newBuilder(URI.create(host.baseUrl() + "/validate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(podReview(round)))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(review, HttpResponse.BodyHandlers.ofString());
        Duration admission = Duration.ofNanos(System.nanoTime() - start);
        requireAllowed(answer);
        awaitStored(front.proxyRegistry("hub"), blobs);
        Duration ours = Duration.ofNanos(System.nanoTime() - start);
        return new WarmRound(round, skopeoTime, ours, admission);
      }
    }
  }

  private static void awaitStored(RegistryPeer proxy, List<String> blobs) {
    blobs.forEach(digest -> proxy.awaitStoredBlob(digest, STORE_TIMEOUT));
  }

  private static void requireAllowed(HttpResponse<String> answer) {
    JsonNode response = JSON.readTree(answer.body()).path("response");
    if (answer.statusCode() != 200 || !response.path("allowed").asBoolean(false)) {
      throw new IllegalStateException(
          "the review was not allowed: HTTP " + answer.statusCode() + " " + answer.body());
    }
  }

  static String hostConfig(Path plugins, String harborHost) {
    return """
        server: { address: 127.0.0.1, port: 0, plainHttp: true, shutdownGrace: 2s }
        plugins: { dir: "%s" }
        instances:
          - name: warm-harbor
            plugin: harbor-proxy-populator
            scope: validating
            match: { operations: [CREATE] }
            failurePolicy: allow
            timeout: 1s
            config:
              harbor: { url: "http://%s", plainHttp: true }
              projects:
                - { registry: docker.io, project: hub }
              platforms: [linux/amd64, linux/arm64]
              mode: full
        """
        .formatted(plugins, harborHost);
  }

  static String podReview(int round) {
    return """
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{\
        "uid":"00000000-0000-4000-8000-%012d",\
        "kind":{"group":"","version":"v1","kind":"Pod"},\
        "resource":{"group":"","version":"v1","resource":"pods"},\
        "name":"app","namespace":"default","operation":"CREATE",\
        "userInfo":{"username":"bench"},\
        "object":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"app","namespace":"default"},\
        "spec":{"containers":[{"name":"app","image":"docker.io/library/app:v1"}]}}}}"""
        .formatted(round);
  }

  private static void print(List<WarmRound> results) {
    System.out.println();
    System.out.println("| round | skopeo (s) |   ours (s) |  ratio | admission ms |");
    System.out.println("|-------|------------|------------|--------|--------------|");
    results.forEach(r -> System.out.println(r.row()));
    double skopeo = median(results, r -> WarmRound.seconds(r.skopeo()));
    double ours = median(results, r -> WarmRound.seconds(r.ours()));
    System.out.printf(
        "| median | %9.2f | %10.2f | %6.2f |              |%n", skopeo, ours, ours / skopeo);
    System.out.println("every admission answer: allowed");
  }

  private static double median(List<WarmRound> results, Function<WarmRound, Double> value) {
    List<Double> sorted = results.stream().map(value).sorted(Comparator.naturalOrder()).toList();
    return sorted.get(sorted.size() / 2);
  }
}
