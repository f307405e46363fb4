package dev.harbormaster.bench.admission;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.runtime.HostServer;
import dev.harbormaster.testkit.registry.AccessLogEntry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harbor-proxy-populator rounds of issue 5 on {@code /validate} with the Deployment CREATE
 * review: a host with the deny-latest instance only, and the same host plus a
 * harbor-proxy-populator instance warming a real docker-registry on loopback that stands in for
 * Harbor ({@link RewriterMirror}: it holds the four images under the paths the populator maps them
 * to). Before measuring it checks that both hosts allow the review, and that the first review made
 * the populator {@code GET} each image's manifest once (answered 200) and the second none, so the
 * measured steady state is the deduplicated one, not a populator that maps nothing.
 */
final class PopulatorVariants implements AutoCloseable {
  static final String BASELINE = "validate-deny-latest";
  static final String POPULATOR = "validate-populator";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path body;
  private final List<Target> targets;
  private final RewriterMirror harbor;
  private final List<HostServer> hosts;
  private final long getsWhenWarm;

  private PopulatorVariants(
      Path body,
      List<Target> targets,
      RewriterMirror harbor,
      List<HostServer> hosts,
      long getsWhenWarm) {
    this.body = body;
    this.targets = targets;
    this.harbor = harbor;
    this.hosts = hosts;
    this.getsWhenWarm = getsWhenWarm;
  }

  /**
   * Starts the stand-in Harbor and both hosts, and checks their answers and the warm-up.
   *
   * @param config {@code populator-config.yaml} with {@code {{tls}}} and {@code {{plugins}}} filled
   */
  static PopulatorVariants start(Path work, String config, ReviewClient client)
      throws IOException, InterruptedException {
    Path body = work.resolve("populator-create-review.json");
    Files.writeString(body, BenchResources.read("deployment-create-review.json"));
    RewriterMirror harbor = RewriterMirror.start();
    List<HostServer> hosts = new ArrayList<>();
    try {
      HostServer baseline =
          host(work, "populator-baseline.yaml", config.replace("{{populator}}", ""));
      hosts.add(baseline);
      String instance =
          BenchResources.read("populator-instance.yaml").replace("{{harbor}}", harbor.host());
      HostServer populator =
          host(work, "populator.yaml", config.replace("{{populator}}", instance));
      hosts.add(populator);
      requireAllowed(client.post(url(baseline.port()), body), BASELINE);
      int images = RewriterMirror.IMAGES.size();
      long before = harbor.manifestGets().size();
      requireAllowed(client.post(url(populator.port()), body), POPULATOR);
      long afterFirst = harbor.awaitManifestGets(before + images);
      requireAllowed(client.post(url(populator.port()), body), POPULATOR);
      Thread.sleep(1000);
      List<AccessLogEntry> gets = harbor.manifestGets();
      if (afterFirst - before != images || gets.size() != afterFirst) {
        throw new IllegalStateException(
            "expected one manifest GET per image ("
                + images
                + ") after the first populator review and none after the second, got "
                + (afterFirst - before)
                + " and "
                + (gets.size() - afterFirst));
      }
      List<AccessLogEntry> failed = gets.stream().filter(get -> get.status() != 200).toList();
      if (!failed.isEmpty()) {
        throw new IllegalStateException("the populator's warm-up GETs failed: " + failed);
      }
      List<Target> targets =
          List.of(
              new Target(BASELINE, url(baseline.port()), body),
              new Target(POPULATOR, url(populator.port()), body));
      return new PopulatorVariants(body, targets, harbor, hosts, gets.size());
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      close(hosts, harbor);
      throw e;
    }
  }

  /** The two targets, in round order: without, then with the populator. */
  List<Target> targets() {
    return targets;
  }

  /** The stand-in Harbor, {@code 127.0.0.1:port}. */
  String harborHost() {
    return harbor.host();
  }

  /** The review both targets are sent. */
  Path body() {
    return body;
  }

  /**
   * After measuring: checks the populator host still allows, and counts the manifest {@code GET}s
   * measuring caused (deduplication for {@code dedupTtl: 1h} means 0).
   */
  long manifestGetsWhileMeasuring(ReviewClient client) throws IOException, InterruptedException {
    requireAllowed(client.post(targets.get(1).url(), body), POPULATOR);
    Thread.sleep(1000);
    return harbor.manifestGets().size() - getsWhenWarm;
  }

  /** Throws unless {@code answer} is an AdmissionReview with {@code response.allowed: true}. */
  static void requireAllowed(byte[] answer, String target) {
    JsonNode response = JSON.readTree(answer).path("response");
    if (!response.path("allowed").asBoolean(false)) {
      throw new IllegalStateException(
          target
              + " did not allow the review: "
              + new String(answer, 0, Math.min(answer.length, 500)));
    }
  }

  private static HostServer host(Path work, String file, String config) throws IOException {
    Path path = work.resolve(file);
    Files.writeString(path, config);
    return HostServer.start(ConfigLoader.load(path));
  }

  private static URI url(int port) {
    return URI.create("https://127.0.0.1:" + port + "/validate");
  }

  private static void close(List<HostServer> hosts, RewriterMirror harbor) {
    for (HostServer host : hosts.reversed()) {
      try {
        host.close();
      } catch (Exception e) {
        System.err.println("[admission-bench] closing " + host + ": " + e);
      }
    }
    harbor.close();
  }

  @Override
  public void close() {
    close(hosts, harbor);
  }
}
