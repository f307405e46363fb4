package dev.harbormaster.bench.admission;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.runtime.HostServer;
import dev.harbormaster.testkit.pki.TlsFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The image-rewriter rounds of issue 4: on a Deployment CREATE review, a bare endpoint answering
 * the it-stamp host's bytes, the it-stamp host itself, and two more in-process hosts with one
 * image-rewriter instance each (no existence check; existence checks against a real local mirror,
 * {@link RewriterMirror}). Before measuring it checks that both rewriters really rewrite all four
 * images, and that the checking one asked the mirror exactly once per image and then answered from
 * its cache; {@link #afterMeasuring} counts the {@code HEAD}s measuring caused.
 */
final class RewriterVariants implements AutoCloseable {
  /** Where the no-check variant rewrites to (never contacted). */
  static final String UNCHECKED_MIRROR = "mirror.bench.example";

  /** The {@code positiveTtl} of {@code rewriter-config.yaml}. */
  static final Duration POSITIVE_TTL = Duration.ofSeconds(60);

  private final Path body;
  private final List<Target> targets;
  private final RewriterMirror mirror;
  private final List<AutoCloseable> servers;
  private final long headsWhenWarm;
  private final Instant filledFrom;

  private RewriterVariants(
      Path body,
      List<Target> targets,
      RewriterMirror mirror,
      List<AutoCloseable> servers,
      long headsWhenWarm,
      Instant filledFrom) {
    this.body = body;
    this.targets = targets;
    this.mirror = mirror;
    this.servers = servers;
    this.headsWhenWarm = headsWhenWarm;
    this.filledFrom = filledFrom;
  }

  /**
   * Starts the mirror, the bare endpoint and the two rewriter hosts, and checks their answers.
   *
   * @param stampUrl {@code /mutate} of the host with the it-stamp instance
   * @param config the host config template with {@code {{tls}}} and {@code {{plugins}}} filled in
   */
  static RewriterVariants start(
      Path work, TlsFiles tls, URI stampUrl, String config, ReviewClient client)
      throws IOException, InterruptedException {
    Path body = work.resolve("deployment-create-review.json");
    Files.writeString(body, BenchResources.read("deployment-create-review.json"));
    byte[] stampAnswer = client.post(stampUrl, body);
    AnswerPatch.stringValues(stampAnswer);
    RewriterMirror mirror = RewriterMirror.start();
    List<AutoCloseable> servers = new ArrayList<>();
    try {
      BareEndpoint bare = BareEndpoint.start(tls.certFile(), tls.keyFile(), stampAnswer, false);
      servers.add(bare);
      URI bareUrl = url(bare.port());
      if (!Arrays.equals(client.post(bareUrl, body), stampAnswer)) {
        throw new IllegalStateException("the bare endpoint does not answer the host's bytes");
      }
      HostServer unchecked = host(work, "rewriter-unchecked.yaml", config, UNCHECKED_MIRROR, false);
      servers.add(unchecked);
      HostServer checked = host(work, "rewriter-checked.yaml", config, mirror.host(), true);
      servers.add(checked);
      AnswerPatch.requireValues(
          client.post(url(unchecked.port()), body), RewriterMirror.expectedPatch(UNCHECKED_MIRROR));
      long before = mirror.manifestHeads();
      int images = RewriterMirror.IMAGES.size();
      Instant filledFrom = Instant.now();
      AnswerPatch.requireValues(
          client.post(url(checked.port()), body), RewriterMirror.expectedPatch(mirror.host()));
      long afterFirst = mirror.awaitManifestHeads(before + images);
      AnswerPatch.requireValues(
          client.post(url(checked.port()), body), RewriterMirror.expectedPatch(mirror.host()));
      Thread.sleep(500);
      long afterSecond = mirror.manifestHeads();
      if (afterFirst - before != images || afterSecond != afterFirst) {
        throw new IllegalStateException(
            "expected one manifest HEAD per image ("
                + images
                + ") on the first checked review and none on the second, got "
                + (afterFirst - before)
                + " and "
                + (afterSecond - afterFirst));
      }
      List<Target> targets =
          List.of(
              new Target("bare-create", bareUrl, body),
              new Target("stamp-create", stampUrl, body),
              new Target("rewrite", url(unchecked.port()), body),
              new Target("rewrite-checked", url(checked.port()), body));
      return new RewriterVariants(body, targets, mirror, servers, afterSecond, filledFrom);
    } catch (IOException | InterruptedException | RuntimeException e) {
      closeAll(servers);
      mirror.close();
      throw e;
    }
  }

  /** The four targets, in round order: bare-create, stamp-create, rewrite, rewrite-checked. */
  List<Target> targets() {
    return targets;
  }

  /** The checking variant's mirror, {@code 127.0.0.1:port}. */
  String mirrorHost() {
    return mirror.host();
  }

  /** The review all four targets are sent. */
  Path body() {
    return body;
  }

  /**
   * After measuring: checks the checking host still rewrites, and counts the manifest {@code HEAD}s
   * since the cache was warm against what cache expiry allows (one per image per full {@link
   * #POSITIVE_TTL} since the cache was filled).
   */
  HeadCount afterMeasuring(ReviewClient client) throws IOException, InterruptedException {
    AnswerPatch.requireValues(
        client.post(targets.get(3).url(), body), RewriterMirror.expectedPatch(mirror.host()));
    Duration elapsed = Duration.between(filledFrom, Instant.now());
    Thread.sleep(1000);
    long heads = mirror.manifestHeads() - headsWhenWarm;
    long allowed =
        (long) RewriterMirror.IMAGES.size() * (elapsed.toSeconds() / POSITIVE_TTL.toSeconds());
    return new HeadCount(heads, allowed, elapsed);
  }

  /**
   * Manifest {@code HEAD}s the mirror saw while the checking host was measured.
   *
   * @param heads HEADs seen after the cache was warm
   * @param allowed what cache refreshes explain: images x floor(elapsed / positiveTtl)
   * @param elapsed time from filling the cache to the end of measuring
   */
  record HeadCount(long heads, long allowed, Duration elapsed) {
    boolean withinRefreshes() {
      return heads <= allowed;
    }
  }

  private static HostServer host(
      Path work, String file, String config, String mirrorHost, boolean check) throws IOException {
    Path path = work.resolve(file);
    Files.writeString(
        path,
        config.replace("{{mirror}}", mirrorHost).replace("{{check}}", Boolean.toString(check)));
    return HostServer.start(ConfigLoader.load(path));
  }

  private static URI url(int port) {
    return URI.create("https://127.0.0.1:" + port + "/mutate");
  }

  private static void closeAll(List<AutoCloseable> servers) {
    for (AutoCloseable server : servers.reversed()) {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("[admission-bench] closing " + server + ": " + e);
      }
    }
  }

  @Override
  public void close() {
    closeAll(servers);
    mirror.close();
  }
}
