package dev.harbormaster.plugin.imagerewriter.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.registry.RegistryClient;
import dev.harbormaster.plugin.imagerewriter.rules.Candidate;
import dev.harbormaster.plugin.imagerewriter.rules.Rule;
import dev.harbormaster.plugin.imagerewriter.rules.RuleConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * The checker's choices. Most tests use an in-memory probe, since they are about the order of
 * questions, sharing and fallbacks, not about the protocol (that is {@link
 * RegistryManifestProbeTest}, against a real registry). The budget test uses MockWebServer: a real
 * registry cannot be made to stall on demand.
 */
class AvailabilityCheckerTest {
  @StartStop private final MockWebServer stalling = new MockWebServer();
  private final List<String> answered = new ArrayList<>();

  private static Rule rule(String name, String mirror, boolean check) {
    return new RuleConfig(
            Optional.of(name),
            Optional.of("docker.io"),
            Optional.empty(),
            List.of(),
            List.of(),
            mirror,
            Optional.empty(),
            check,
            List.of())
        .toRule(0);
  }

  private static List<Candidate> candidates(String image, Rule... rules) {
    ImageReference ref = ImageReference.parse(image);
    List<Candidate> result = new ArrayList<>();
    for (Rule r : rules) {
      result.add(new Candidate.Target(r, r.target(ref)));
    }
    return result;
  }

  private AvailabilityChecker checker(MirrorProbe probe, Duration budget) {
    return new AvailabilityChecker(
        probe,
        new ProbeCache(Duration.ofMinutes(1), Duration.ofSeconds(10), 100, Clock.systemUTC()),
        Executors.newVirtualThreadPerTaskExecutor(),
        budget,
        (rule, result, shared) ->
            answered.add(rule + " " + result.getClass().getSimpleName() + " " + shared));
  }

  @Test
  void ruleWithoutCheck_isChosenWithoutAsking() throws Exception {
    AvailabilityChecker checker =
        checker(
            (i, p) -> {
              throw new AssertionError("asked");
            },
            Duration.ofSeconds(5));

    Map<String, Resolution> result =
        checker.resolve(Map.of("web", candidates("nginx", rule("a", "a.local/hub", false))));

    assertThat(result.get("web"))
        .isEqualTo(
            new Resolution.Chosen(
                (Candidate.Target) candidates("nginx", rule("a", "a.local/hub", false)).get(0)));
  }

  @Test
  void miss_fallsThroughToTheNextRule_failureStops() throws Exception {
    Set<String> present = Set.of("b.local/hub/library/nginx:latest");
    MirrorProbe probe =
        (image, platforms) ->
            image.registry().equals("c.local")
                ? new ProbeResult.Failed("HTTP 500")
                : present.contains(image.full())
                    ? new ProbeResult.Present()
                    : new ProbeResult.Missing("is not on the mirror");
    Rule a = rule("a", "a.local/hub", true);
    Rule b = rule("b", "b.local/hub", true);
    Rule c = rule("c", "c.local/hub", true);
    Map<String, List<Candidate>> requests = new LinkedHashMap<>();
    requests.put("web", candidates("nginx", a, b));
    requests.put("db", candidates("postgres:16", a, c, b));
    requests.put("cache", candidates("redis:7", a, b));

    Map<String, Resolution> result = checker(probe, Duration.ofSeconds(5)).resolve(requests);

    assertThat(result.keySet()).containsExactly("web", "db", "cache");
    assertThat(result.get("web"))
        .isInstanceOfSatisfying(
            Resolution.Chosen.class, c1 -> assertThat(c1.target().rule().name()).isEqualTo("b"));
    assertThat(result.get("db")).isEqualTo(new Resolution.Failed("c", "HTTP 500"));
    assertThat(result.get("cache"))
        .isEqualTo(
            new Resolution.Missing(
                List.of(
                    "a: a.local/hub/library/redis:7 is not on the mirror",
                    "b: b.local/hub/library/redis:7 is not on the mirror")));
  }

  @Test
  void sameImageInSeveralContainers_isAskedOnce_concurrently() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Map<String, Integer> perImage = new ConcurrentHashMap<>();
    CountDownLatch both = new CountDownLatch(2);
    MirrorProbe probe =
        (image, platforms) -> {
          calls.incrementAndGet();
          perImage.merge(image.full(), 1, Integer::sum);
          both.countDown();
          try {
            // Both distinct images must be in flight at once: a sequential checker never gets here.
            assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new ProbeResult.Present();
        };
    Rule a = rule("a", "a.local/hub", true);
    Map<String, List<Candidate>> requests = new LinkedHashMap<>();
    requests.put("one", candidates("nginx:1", a));
    requests.put("two", candidates("nginx:1", a));
    requests.put("three", candidates("redis:7", a));

    Map<String, Resolution> result = checker(probe, Duration.ofSeconds(20)).resolve(requests);

    assertThat(result.values()).allMatch(r -> r instanceof Resolution.Chosen);
    assertThat(calls.get()).isEqualTo(2);
    assertThat(perImage).containsEntry("a.local/hub/library/nginx:1", 1);
    assertThat(answered).filteredOn(s -> s.endsWith("true")).hasSize(1);
  }

  @Test
  void checkStillRunningWhenTheBudgetIsSpent_keepsTheOriginal() throws Exception {
    stalling.enqueue(
        new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).build());
    String host = "127.0.0.1:" + stalling.getPort();
    MirrorProbe probe =
        new RegistryManifestProbe(
            RegistryClient.builder()
                .allowHosts(host)
                .insecureHosts(host)
                .build()
                .withLimits(Duration.ofSeconds(10), 1));
    Rule slow = rule("slow", host + "/hub", true);

    Map<String, Resolution> result =
        checker(probe, Duration.ofMillis(300)).resolve(Map.of("web", candidates("nginx", slow)));

    assertThat(result.get("web"))
        .isEqualTo(
            new Resolution.Failed(
                "slow", "no answer within the availability time budget of 300ms"));
  }

  @Test
  void unusableCandidates_areSkipped_andReportedWhenNothingElseIsLeft() throws Exception {
    Rule a = rule("a", "a.local/hub", true);
    List<Candidate> onlyUnusable = List.of(new Candidate.Unusable(a, "name too long"));

    Map<String, Resolution> result =
        checker((i, p) -> new ProbeResult.Present(), Duration.ofSeconds(5))
            .resolve(Map.of("web", onlyUnusable));

    assertThat(result.get("web")).isEqualTo(new Resolution.Unusable(List.of("a: name too long")));
  }
}
