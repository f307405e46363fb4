package dev.harbormaster.plugin.mirrorsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.plugin.mirrorsync.config.MirrorSyncConfig;
import dev.harbormaster.spi.PluginCommand;
import dev.harbormaster.spi.config.ConfigBinder;
import dev.harbormaster.testkit.registry.AccessLogEntry;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code harbormaster mirror sync --once} against real registries (notes/test-peers.md): an
 * upstream docker-registry with 36 tags (single- and multi-platform, with an attestation) and a
 * fresh target registry per test. Byte-identity is judged by {@code skopeo inspect --raw} on both
 * sides; request counts by the registries' access logs.
 */
class MirrorCommandPeersTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static Upstream upstream;

  @TempDir Path dir;

  @BeforeAll
  static void buildUpstream() throws Exception {
    upstream = new Upstream(PEERS.plain()).build();
  }

  record Run(int exit, String out, String err) {}

  Run run(String yaml, String... args) throws Exception {
    MirrorSyncConfig config = ConfigBinder.bind(YAML.readTree(yaml), MirrorSyncConfig.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (TestContext context = new TestContext(false, dir)) {
      int exit =
          new MirrorCommand()
              .run(
                  List.of(args),
                  List.of(new PluginCommand.ConfiguredInstance<>("mirror-test", config, context)),
                  new PluginCommand.CommandIo(
                      new PrintStream(out, true, StandardCharsets.UTF_8),
                      new PrintStream(err, true, StandardCharsets.UTF_8)));
      return new Run(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  static String config(RegistryPeer target, String mirrors) {
    return """
        target: {registry: "%s", prefix: mirror, insecure: true}
        registries: [{registry: "%s", insecure: true}]
        sync: {stateFile: state.json}
        leaderElection: {enabled: false}
        mirrors:
        %s
        """
        .formatted(target.host(), upstream.registry.host(), mirrors.indent(2));
  }

  static String everyTag() {
    return "- source: " + upstream.registry.host() + "/" + Upstream.REPO;
  }

  static byte[] raw(RegistryPeer registry, String repoAndTag) {
    return PEERS.skopeo().inspectRaw(registry.dockerRef(repoAndTag));
  }

  static List<AccessLogEntry> since(RegistryPeer registry, int mark) {
    return registry.accessLog().since(mark);
  }

  @Test
  void syncOnce_copiesEveryTagByteIdentical_andASecondRunOnlySendsOneHeadPerTag() throws Exception {
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    String yaml = config(target, everyTag());

    Run first = run(yaml, "sync", "--once");

    assertThat(first.exit()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("36 tags considered, 0 in sync, 36 to copy, 0 failed");
    assertThat(first.err()).contains("[36/36]");
    for (String tag : upstream.tags) {
      assertThat(raw(target, "mirror/" + Upstream.REPO + ":" + tag))
          .as(tag)
          .isEqualTo(raw(upstream.registry, Upstream.REPO + ":" + tag));
    }

    int upstreamMark = upstream.registry.accessLog().size();
    int targetMark = target.accessLog().size();
    Run second = run(yaml, "sync", "--once");

    assertThat(second.exit()).as(second.out() + second.err()).isZero();
    assertThat(second.out()).contains("36 tags considered, 36 in sync, 0 to copy, 0 failed");
    upstream
        .registry
        .accessLog()
        .awaitCount(
            "HEAD",
            "/v2/library/nginx/manifests/.*",
            upstream.registry.accessLog().count("HEAD", "/v2/library/nginx/manifests/.*"),
            Duration.ofSeconds(5));
    List<AccessLogEntry> up = since(upstream.registry, upstreamMark);
    List<AccessLogEntry> down = since(target, targetMark);
    assertThat(up.stream().filter(e -> e.matches("HEAD", "/v2/library/nginx/manifests/.*")))
        .hasSize(36);
    assertThat(
            up.stream().filter(e -> e.method().equals("GET") && e.path().contains("/manifests/")))
        .as("no manifest GET on an unchanged run")
        .isEmpty();
    assertThat(down).as("the target is not asked about tags it is known to hold").isEmpty();
    assertThat((up.size() + down.size()) / 36.0).as("requests per tag").isLessThanOrEqualTo(1.1);
  }

  @Test
  void movedUpstreamTag_isCopiedAgain_andOnlyThatTag() throws Exception {
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    String yaml = config(target, everyTag());
    assertThat(run(yaml, "sync", "--once").exit()).isZero();
    String before = upstream.digestOf("1.26.4");
    upstream.tag("1.26.4", before.equals(upstream.digestOf("base-a")) ? "base-b" : "base-a");
    try {
      Run again = run(yaml, "sync", "--once");

      assertThat(again.exit()).as(again.out() + again.err()).isZero();
      assertThat(again.out()).contains("35 in sync, 1 to copy, 0 failed");
      assertThat(raw(target, "mirror/library/nginx:1.26.4"))
          .isEqualTo(raw(upstream.registry, "library/nginx:1.26.4"));
    } finally {
      upstream.tag("1.26.4", before.equals(upstream.digestOf("base-a")) ? "base-a" : "base-b");
    }
  }

  @Test
  void dryRun_printsWhatWouldBeCopiedWithSizes_andWritesNothing() throws Exception {
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    int mark = target.accessLog().size();

    Run plan = run(config(target, everyTag()), "sync", "--once", "--dry-run");

    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out())
        .contains("36 to copy")
        .containsPattern(
            "would copy 127\\.0\\.0\\.1:\\d+/library/nginx:base-b@sha256:[0-9a-f]{64} -> "
                + "127\\.0\\.0\\.1:\\d+/mirror/library/nginx:base-b \\(3 images, [0-9.]+ KiB\\)")
        .contains("dry run: 36 tags would be copied")
        .contains("nothing was copied");
    assertThat(since(target, mark))
        .noneMatch(e -> List.of("PUT", "POST", "PATCH", "DELETE").contains(e.method()));
    assertThat(
            PEERS
                .skopeo()
                .tryInspectRaw(
                    target.dockerRef("mirror/library/nginx:base-a"), java.util.Optional.empty())
                .exitCode())
        .isNotZero();
  }

  @Test
  void tagFilters_selectTheTags_andExactTagsNeedNoTagList() throws Exception {
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    String mirrors =
        """
        - source: %s/library/nginx
          tags: {allow: ['^1\\.2[5-7]\\.'], deny: ['\\.9$'], semver: '>=1.25 <1.27', latest: 3}
        """
            .formatted(upstream.registry.host());
    Run filtered = run(config(target, mirrors), "sync", "--once");
    assertThat(filtered.exit()).as(filtered.out() + filtered.err()).isZero();
    assertThat(
            PEERS
                .skopeo()
                .listTags(target.dockerRef("mirror/library/nginx"), java.util.Optional.empty()))
        .containsExactlyInAnyOrder("1.26.8", "1.26.7", "1.26.6");

    RegistryPeer other = PEERS.start(RegistryPeer.builder());
    int mark = upstream.registry.accessLog().size();
    String exact =
        "- source: %s/library/nginx\n  tags: {exact: [latest, 1.24.0]}"
            .formatted(upstream.registry.host());
    Run named = run(config(other, exact), "sync", "--once");
    assertThat(named.exit()).as(named.out() + named.err()).isZero();
    assertThat(
            PEERS
                .skopeo()
                .listTags(other.dockerRef("mirror/library/nginx"), java.util.Optional.empty()))
        .containsExactlyInAnyOrder("latest", "1.24.0");
    assertThat(since(upstream.registry, mark)).noneMatch(e -> e.path().endsWith("/tags/list"));
  }

  @Test
  void exactTagMissingUpstream_failsThatTagWithExitOne() throws Exception {
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    String exact =
        "- source: %s/library/nginx\n  tags: {exact: [latest, 9.9.9]}"
            .formatted(upstream.registry.host());
    Run r = run(config(target, exact), "sync", "--once");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("FAILED 9.9.9 (not-found)").contains("1 tag copied");
  }

  @Test
  void platformFilter_pushesAnotherValidIndex_thatAlsoStaysInSync() throws Exception {
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    String mirrors =
        "- source: %s/library/nginx\n  tags: {exact: [base-b]}\n  platforms: [linux/amd64]"
            .formatted(upstream.registry.host());
    String yaml = config(target, mirrors);
    assertThat(run(yaml, "sync", "--once").exit()).isZero();

    byte[] source = raw(upstream.registry, "library/nginx:base-b");
    byte[] mirrored = raw(target, "mirror/library/nginx:base-b");
    assertThat(mirrored).isNotEqualTo(source);
    var index = YAML.readTree(mirrored);
    assertThat(index.path("manifests")).hasSize(1);
    assertThat(index.path("manifests").get(0).path("platform").path("architecture").asString())
        .isEqualTo("amd64");
    String child = index.path("manifests").get(0).path("digest").asString();
    assertThat(raw(target, "mirror/library/nginx@" + child))
        .isEqualTo(raw(upstream.registry, "library/nginx@" + child));

    Run again = run(yaml, "sync", "--once");
    assertThat(again.out()).contains("1 in sync, 0 to copy");
  }

  @Test
  void blobFailingLongerThanTheClientRetries_isRetriedByTheQueue_andTheRunExitsZero()
      throws Exception {
    // A fake front (MockWebServer, see FlakyFront) answers 503 to the first 12 GETs of one blob:
    // the client's 4 attempts per request times the copier's 3 attempts per blob all fail, so the
    // copy fails and only the queue's retry (while the --once pass drains the queue) can finish
    // it. A real registry cannot be made to fail like that.
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    try (FlakyFront front = new FlakyFront(upstream.registry, 12)) {
      String yaml =
          """
          target: {registry: "%s", prefix: mirror, insecure: true}
          registries: [{registry: "%s", insecure: true}]
          leaderElection: {enabled: false}
          mirrors:
            - source: %s/library/nginx
              tags: {exact: [base-c]}
          """
              .formatted(target.host(), front.host(), front.host());

      Run r = run(yaml, "sync", "--once");

      assertThat(r.exit()).as(r.out() + r.err()).isZero();
      assertThat(r.err()).contains("retrying").contains("(unavailable)").contains("[1/1]");
      assertThat(r.out()).contains("1 tag copied").contains(", 0 failed");
      assertThat(front.getsOf(front.flakyBlob().orElseThrow())).isEqualTo(13);
      assertThat(raw(target, "mirror/library/nginx:base-c"))
          .isEqualTo(raw(upstream.registry, "library/nginx:base-c"));
    }
  }

  @Test
  void usageErrors_exitTwo() throws Exception {
    RegistryPeer target = PEERS.start(RegistryPeer.builder());
    String yaml = config(target, everyTag());
    int mark = target.accessLog().size();
    assertThat(run(yaml, "sync").exit()).isEqualTo(2);
    assertThat(run(yaml, "copy", "--once").exit()).isEqualTo(2);
    Run unknown = run(yaml, "sync", "--once", "--instance", "nope");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("no mirror-sync instance named 'nope'")
        .contains("mirror-test");
    assertThat(since(target, mark)).isEmpty();
  }
}
