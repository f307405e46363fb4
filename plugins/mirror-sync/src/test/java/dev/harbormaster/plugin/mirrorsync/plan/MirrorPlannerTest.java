package dev.harbormaster.plugin.mirrorsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.oci.transport.Backoff;
import dev.harbormaster.plugin.mirrorsync.config.MirrorConfig;
import dev.harbormaster.plugin.mirrorsync.config.PlatformSelection;
import dev.harbormaster.plugin.mirrorsync.config.TagsConfig;
import dev.harbormaster.plugin.mirrorsync.config.TargetConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The producer's decisions and its handling of faults. MockWebServer stands in for both registries
 * because a real registry cannot be made to answer 429 or 500 for one request; the unchanged-run
 * and copy paths are tested against real registries in {@code MirrorCommandPeersTest}.
 */
class MirrorPlannerTest {
  private static final Digest V1 = Digest.of("v1".getBytes(StandardCharsets.UTF_8));
  private static final Digest OLD = Digest.of("old".getBytes(StandardCharsets.UTF_8));

  @StartStop private final MockWebServer upstream = new MockWebServer();
  @StartStop private final MockWebServer target = new MockWebServer();
  private final List<String> targetRequests = new CopyOnWriteArrayList<>();
  private final TargetState state = new TargetState(Duration.ofHours(1), Optional.empty());

  private MirrorPlanner planner() {
    upstream.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            String t = r.getTarget();
            if (t.startsWith("/v2/acme/app/tags/list")) {
              return new MockResponse.Builder()
                  .body("{\"name\":\"acme/app\",\"tags\":[\"v1\",\"busy\",\"v2\"]}")
                  .build();
            }
            if (t.endsWith("/manifests/busy")) {
              return new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build();
            }
            return new MockResponse.Builder()
                .addHeader("Docker-Content-Digest", V1.toString())
                .addHeader("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .build();
          }
        });
    target.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            targetRequests.add(r.getMethod() + " " + r.getTarget());
            if (r.getTarget().endsWith("/manifests/v2")) {
              return new MockResponse.Builder()
                  .addHeader("Docker-Content-Digest", V1.toString())
                  .build();
            }
            return new MockResponse.Builder().code(404).build();
          }
        });
    return new MirrorPlanner(
        r -> client(host(upstream)),
        client(host(target)),
        new TargetConfig(host(target), "mirror", null, null, true),
        state,
        4,
        100,
        Clock.systemUTC());
  }

  private static String host(MockWebServer s) {
    return "127.0.0.1:" + s.getPort();
  }

  private static RegistryClient client(String host) {
    return RegistryClient.builder()
        .allowHosts(host)
        .insecureHosts(host)
        .retries(new Backoff(2, Duration.ofMillis(1), Duration.ofMillis(5)))
        .build();
  }

  private MirrorConfig mirror() {
    return new MirrorConfig(host(upstream) + "/acme/app", TagsConfig.all(), PlatformSelection.ALL);
  }

  private String key(String tag) {
    return host(target) + "/mirror/acme/app:" + tag;
  }

  @Test
  void rateLimitedTag_isReported_andTheOthersArePlanned() throws Exception {
    MirrorPlan plan = planner().plan(mirror());

    assertThat(plan.considered()).isEqualTo(3);
    assertThat(plan.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.tag()).isEqualTo("busy");
              assertThat(f.reason()).isEqualTo("rate-limited");
            });
    assertThat(plan.inSync()).as("v2 is already in the target").isEqualTo(1);
    assertThat(plan.copies())
        .singleElement()
        .satisfies(c -> assertThat(c.target().tag()).contains("v1"));
    assertThat(state.fresh(key("v2"), Instant.now())).isPresent();
  }

  @Test
  void knownFreshTarget_isNotAsked_andAMovedUpstreamIsCopiedWithoutAsking() throws Exception {
    MirrorPlanner planner = planner();
    state.record(key("v1"), V1, V1, Instant.now());
    state.record(key("v2"), OLD, OLD, Instant.now());

    MirrorPlan plan = planner.plan(mirror());

    assertThat(plan.inSync()).isEqualTo(1);
    assertThat(plan.copies())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.target().tag()).contains("v2");
              assertThat(c.sourceDigest()).isEqualTo(V1);
            });
    assertThat(targetRequests).isEmpty();
  }

  @Test
  void staleEntry_isCheckedWithOneHead() throws Exception {
    MirrorPlanner planner = planner();
    state.record(key("v1"), V1, V1, Instant.now().minus(Duration.ofHours(2)));

    MirrorPlan plan =
        planner.plan(
            new MirrorConfig(
                host(upstream) + "/acme/app",
                new TagsConfig(null, null, null, null, List.of("v1")),
                PlatformSelection.ALL));

    assertThat(plan.copies()).hasSize(1); // the target lost it (404)
    assertThat(targetRequests).containsExactly("HEAD /v2/mirror/acme/app/manifests/v1");
    assertThat(state.any(key("v1"))).isEmpty();
  }

  @Test
  void failingTagList_failsTheMirror_withTheReason() throws Exception {
    MirrorPlanner planner = planner();
    upstream.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            return new MockResponse.Builder().code(500).build();
          }
        });

    MirrorPlan plan = planner.plan(mirror());

    assertThat(plan.listingError()).hasValueSatisfying(e -> assertThat(e).contains("500"));
    assertThat(plan.considered()).isZero();
  }
}
