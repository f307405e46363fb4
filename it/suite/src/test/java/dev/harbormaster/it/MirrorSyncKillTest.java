package dev.harbormaster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.testkit.registry.AccessLogEntry;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImage;
import dev.harbormaster.testkit.registry.TestImages;
import dev.harbormaster.testkit.registry.TestPlatformImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/harbormaster mirror sync --once} of the real distribution, killed with SIGKILL in the
 * middle of a copy and run again (issue 6): the target never has a tag pointing at a missing
 * manifest or blob, the rerun finishes, no blob is uploaded twice over both runs, and every tag is
 * byte-identical to the upstream ({@code skopeo inspect --raw}). Real docker-registry peers; the
 * copy is made long enough by large random layers and one worker copying one blob at a time, and
 * "mid-copy" is read from the target registry's access log (a tag finished, the next blob upload
 * started), not guessed with a sleep.
 */
class MirrorSyncKillTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();

  private static final String REPO = "library/app";
  private static final String TARGET_REPO = "mirror/" + REPO;
  private static final int IMAGES = 6;
  private static final long LAYER_BYTES = 6L << 20;
  private static final String ACCEPT =
      String.join(
          ",",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.docker.distribution.manifest.v2+json");
  private static final Pattern UPLOADED_DIGEST =
      Pattern.compile("[?&]digest=sha256(?::|%3[aA])([0-9a-f]{64})");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void killedMidCopy_leavesNoTagOnAMissingManifest_andTheRerunUploadsNoBlobTwice()
      throws Exception {
    RegistryPeer upstream = PEERS.start(RegistryPeer.builder());
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    Set<String> blobs = new LinkedHashSet<>();
    List<String> tags = push(upstream, blobs);
    Path config = config(upstream, target);

    Process killed = start(config, "killed");
    awaitMidCopy(target, killed);
    killed.destroyForcibly(); // SIGKILL: the launcher exec's java, so this is the JVM itself
    assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
    int killedRunRequests = target.accessLog().size();

    List<String> present = targetTags(target);
    assertThat(present)
        .as("the kill came mid-copy: some tags copied, not all")
        .isNotEmpty()
        .hasSizeLessThan(tags.size());
    for (String tag : present) {
      assertComplete(target, tag);
    }

    Process rerun = start(config, "rerun");
    assertThat(rerun.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(rerun.exitValue()).as(output("rerun")).isZero();

    for (String tag : tags) {
      assertThat(PEERS.skopeo().inspectRaw(target.dockerRef(TARGET_REPO + ":" + tag)))
          .as(tag)
          .isEqualTo(PEERS.skopeo().inspectRaw(upstream.dockerRef(REPO + ":" + tag)));
      assertComplete(target, tag);
    }
    Map<String, Integer> uploads = completedUploads(target.accessLog().entries());
    assertThat(uploads.keySet()).as("every config and layer was uploaded").isEqualTo(blobs);
    assertThat(uploads.values()).as("completed uploads per blob: " + uploads).allMatch(n -> n == 1);
    System.out.printf(
        "killed with %d of %d tags in the target, %d of %d blobs uploaded; the rerun uploaded %d%n",
        present.size(),
        tags.size(),
        completedUploads(target.accessLog().entries().subList(0, killedRunRequests)).size(),
        blobs.size(),
        completedUploads(target.accessLog().since(killedRunRequests)).size());
    assertThat(completedUploads(target.accessLog().since(killedRunRequests)).keySet())
        .as("the rerun uploads only what the killed run had not finished")
        .doesNotContainAnyElementsOf(
            completedUploads(target.accessLog().entries().subList(0, killedRunRequests)).keySet());
  }

  /**
   * Six distinct images (every other one two-platform), two 6 MiB random layers each; adds the hex
   * digests of their configs and layers to {@code blobs}.
   */
  private List<String> push(RegistryPeer upstream, Set<String> blobs) {
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      String tag = "v" + i;
      TestImages b = TestImages.builder().seed(4200 + i).layers(2).layerSize(LAYER_BYTES).tag(tag);
      if (i % 2 == 1) {
        b.platforms("linux/amd64", "linux/arm64/v8");
      }
      TestImage image = b.write();
      image.pushWithSkopeo(upstream, REPO + ":" + tag);
      for (TestPlatformImage platform : image.images()) {
        blobs.add(hex(platform.config().digest()));
        platform.layers().forEach(l -> blobs.add(hex(l.blob().digest())));
      }
      tags.add(tag);
    }
    return tags;
  }

  /** One worker copying one blob at a time: the copy proceeds tag by tag, blob by blob. */
  private Path config(RegistryPeer upstream, RegistryPeer target) throws IOException {
    Path file = dir.resolve("harbormaster.yaml");
    Files.writeString(
        file,
        """
        server: {plainHttp: true}
        plugins: {dir: "%s"}
        instances:
          - name: mirror
            plugin: mirror-sync
            scope: validating
            config:
              target: {registry: "%s", prefix: mirror, insecure: true}
              registries: [{registry: "%s", insecure: true}]
              sync: {workers: 1, blobParallelism: 1, stateFile: mirror-state.json}
              leaderElection: {enabled: false}
              mirrors:
                - source: %s/%s
        """
            .formatted(
                Distribution.home().resolve("plugins"),
                target.host(),
                upstream.host(),
                upstream.host(),
                REPO));
    return file;
  }

  private Process start(Path config, String name) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
                "/bin/sh",
                Distribution.launcher().toString(),
                "mirror",
                "sync",
                "--config",
                config.toString(),
                "--once")
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .redirectError(dir.resolve(name + ".err").toFile());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("HARBORMASTER_CDS_DIR", dir.resolve("cds").toString());
    return pb.start();
  }

  /**
   * Waits until the target has one finished tag (a manifest PUT by tag) and a blob upload started
   * after it: the process is then between the first tag and the rest, with an upload in flight.
   */
  private void awaitMidCopy(RegistryPeer target, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      List<AccessLogEntry> log = target.accessLog().entries();
      int firstTag = -1;
      for (int i = 0; i < log.size() && firstTag < 0; i++) {
        if (log.get(i).matches("PUT", "/v2/" + TARGET_REPO + "/manifests/v\\d+")
            && log.get(i).status() == 201) {
          firstTag = i;
        }
      }
      if (firstTag >= 0
          && log.subList(firstTag + 1, log.size()).stream()
              .anyMatch(e -> e.matches("POST", "/v2/" + TARGET_REPO + "/blobs/uploads/"))) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "mirror sync ended before it could be killed:\n" + output("killed"));
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no tag finished in time:\n" + output("killed"));
  }

  private List<String> targetTags(RegistryPeer target) throws Exception {
    HttpResponse<byte[]> r = get(target, "/v2/" + TARGET_REPO + "/tags/list", Optional.empty());
    if (r.statusCode() == 404) {
      return List.of();
    }
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> tags = new ArrayList<>();
    JSON.readTree(r.body()).path("tags").forEach(t -> tags.add(t.asString()));
    return tags;
  }

  /** The tag's manifest, every child manifest and every blob they name exist in the target. */
  private void assertComplete(RegistryPeer target, String tag) throws Exception {
    HttpResponse<byte[]> top =
        get(target, "/v2/" + TARGET_REPO + "/manifests/" + tag, Optional.of(ACCEPT));
    assertThat(top.statusCode()).as("manifest of tag " + tag).isEqualTo(200);
    JsonNode doc = JSON.readTree(top.body());
    List<JsonNode> images = new ArrayList<>();
    if (doc.has("manifests")) {
      for (JsonNode child : doc.path("manifests")) {
        String digest = child.path("digest").asString();
        HttpResponse<byte[]> m =
            get(target, "/v2/" + TARGET_REPO + "/manifests/" + digest, Optional.of(ACCEPT));
        assertThat(m.statusCode()).as(tag + " child " + digest).isEqualTo(200);
        images.add(JSON.readTree(m.body()));
      }
    } else {
      images.add(doc);
    }
    for (JsonNode image : images) {
      List<String> blobs = new ArrayList<>();
      blobs.add(image.path("config").path("digest").asString());
      image.path("layers").forEach(l -> blobs.add(l.path("digest").asString()));
      for (String blob : blobs) {
        HttpResponse<byte[]> b = head(target, "/v2/" + TARGET_REPO + "/blobs/" + blob);
        assertThat(b.statusCode()).as(tag + " blob " + blob).isEqualTo(200);
      }
    }
  }

  private static String hex(String digest) {
    return digest.substring(digest.indexOf(':') + 1);
  }

  /** Completed blob uploads (the request carrying {@code digest=}, answered 201) per digest. */
  private static Map<String, Integer> completedUploads(List<AccessLogEntry> log) {
    Map<String, Integer> counts = new HashMap<>();
    Set<String> methods = new LinkedHashSet<>(List.of("PUT", "POST"));
    for (AccessLogEntry e : log) {
      Matcher m = UPLOADED_DIGEST.matcher(e.uri());
      if (methods.contains(e.method())
          && e.path().contains("/blobs/uploads/")
          && e.status() == 201
          && m.find()) {
        counts.merge(m.group(1), 1, Integer::sum);
      }
    }
    return counts;
  }

  private HttpResponse<byte[]> get(RegistryPeer registry, String path, Optional<String> accept)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + registry.host() + path));
    accept.ifPresent(a -> b.header("Accept", a));
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> head(RegistryPeer registry, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://" + registry.host() + path))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private String output(String name) {
    try {
      return Files.readString(dir.resolve(name + ".out"))
          + Files.readString(dir.resolve(name + ".err"));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
