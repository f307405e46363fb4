package dev.harbormaster.plugin.imagerewriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.spi.AdmissionHandler;
import dev.harbormaster.spi.Decision;
import dev.harbormaster.spi.Review;
import dev.harbormaster.spi.Scope;
import dev.harbormaster.spi.config.ConfigBinder;
import dev.harbormaster.testkit.registry.HarborFront;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.RegistryPeers;
import dev.harbormaster.testkit.registry.TestImages;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The plugin started as the host starts it, with existence checks against REAL registries: a plain
 * docker-registry as mirror, and a docker-registry pull-through proxy behind nginx serving Harbor's
 * {@code /<project>/<repo>} paths.
 */
class ImageRewriterPluginTest {
  @RegisterExtension static final RegistryPeers PEERS = new RegistryPeers();

  private static RegistryPeer mirror;
  private static RegistryPeer fallback;
  private static HarborFront harbor;
  private final TestContext context = new TestContext();

  @BeforeAll
  static void mirrors() {
    mirror = PEERS.plain();
    fallback = PEERS.start(RegistryPeer.builder());
    RegistryPeer upstream = PEERS.start(RegistryPeer.builder());
    harbor = PEERS.start(HarborFront.builder().proxyProject("hub", upstream));
    TestImages.singlePlatform(41).pushWithSkopeo(mirror, "library/app:v1");
    TestImages.singlePlatform(42).pushWithSkopeo(fallback, "library/only-fallback:v1");
    TestImages.multiPlatform(43).pushWithSkopeo(mirror, "library/multi:v1");
    TestImages.singlePlatform(44).pushWithSkopeo(upstream, "library/proxied:v2");
  }

  @AfterEach
  void close() {
    context.close();
  }

  private AdmissionHandler start(String yaml) throws Exception {
    ImageRewriterConfig config =
        ConfigBinder.bind(YAMLMapper.shared().readTree(yaml), ImageRewriterConfig.class);
    ImageRewriterPlugin plugin = new ImageRewriterPlugin();
    assertThat(plugin.validate(config)).isEmpty();
    assertThat(plugin.scopes()).contains(Scope.MUTATING, Scope.VALIDATING);
    return plugin.start(config, context);
  }

  private static String checked(String mirrorPrefix, String extra) {
    return """
        rules:
          - name: primary
            match: docker.io
            mirror: %s
            checkAvailability: true
        %s
        availability:
          timeBudget: 10s
          requestTimeout: 5s
          insecureRegistries: [%s, %s, %s]
        """
        .formatted(mirrorPrefix, extra, mirror.host(), fallback.host(), harbor.host());
  }

  private static Review pod(String... images) {
    Review review = ReviewFixtures.load("pod-template.json");
    ObjectNode spec = (ObjectNode) review.object().orElseThrow().get("spec");
    var containers = spec.putArray("containers");
    for (int i = 0; i < images.length; i++) {
      containers.addObject().put("name", "c" + i).put("image", images[i]);
    }
    return review;
  }

  private static String image(Review review, int index) {
    return review.object().orElseThrow().at("/spec/containers/" + index + "/image").asString();
  }

  @Test
  void presentImageIsRewritten_absentOneKeptWithAWarning() throws Exception {
    AdmissionHandler handler = start(checked(mirror.host(), ""));
    Review review = pod("app:v1", "absent:v1");

    Decision decision = handler.review(review);

    assertThat(decision).isInstanceOf(Decision.Allow.class);
    assertThat(image(review, 0)).isEqualTo(mirror.host() + "/library/app:v1");
    assertThat(image(review, 1)).isEqualTo("absent:v1");
    assertThat(decision.warnings())
        .singleElement()
        .asString()
        .startsWith("container \"c1\": kept image \"absent:v1\", no mirror has it: primary: ")
        .contains(mirror.host() + "/library/absent:v1 is not on the mirror");
    assertThat(
            context
                .meters()
                .get("harbormaster.imagerewriter.images")
                .tag("outcome", "missing")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void missOnTheFirstMirror_triesTheNextRule() throws Exception {
    String second =
        """
          - name: second
            match: docker.io
            mirror: %s
            checkAvailability: true
        """
            .formatted(fallback.host());
    AdmissionHandler handler = start(checked(mirror.host(), second));
    Review review = pod("only-fallback:v1");

    Decision decision = handler.review(review);

    assertThat(image(review, 0)).isEqualTo(fallback.host() + "/library/only-fallback:v1");
    assertThat(decision.warnings()).isEmpty();
  }

  @Test
  void indexLackingARequiredPlatform_isAMiss() throws Exception {
    String yaml =
        checked(mirror.host(), "")
            .replace(
                "checkAvailability: true",
                "checkAvailability: true\n    platforms: [linux/amd64, linux/s390x]");
    AdmissionHandler handler = start(yaml);
    Review review = pod("multi:v1");

    Decision decision = handler.review(review);

    assertThat(image(review, 0)).isEqualTo("multi:v1");
    assertThat(decision.warnings())
        .singleElement()
        .asString()
        .contains("lacks platform linux/s390x");
  }

  @Test
  void indexWithTheRequiredPlatforms_isRewritten() throws Exception {
    String yaml =
        checked(mirror.host(), "")
            .replace(
                "checkAvailability: true",
                "checkAvailability: true\n    platforms: [linux/amd64, linux/arm64]");
    Review review = pod("multi:v1");

    start(yaml).review(review);

    assertThat(image(review, 0)).isEqualTo(mirror.host() + "/library/multi:v1");
  }

  @Test
  void harborProxyProjectBehindNginx_servesTheImage() throws Exception {
    AdmissionHandler handler = start(checked(harbor.host() + "/hub", ""));
    Review review = pod("proxied:v2");

    handler.review(review);

    assertThat(image(review, 0)).isEqualTo(harbor.host() + "/hub/library/proxied:v2");
    assertThat(harbor.accessLog().count("HEAD", "/v2/hub/library/proxied/manifests/v2"))
        .isEqualTo(1);
  }

  @Test
  void mirrorDown_keepsTheOriginalWithAWarning() throws Exception {
    RegistryPeer down = PEERS.start(RegistryPeer.builder());
    String host = down.host();
    down.close();
    AdmissionHandler handler =
        start(checked(host, "").replace("[" + mirror.host(), "[" + host + ", " + mirror.host()));
    Review review = pod("app:v1");

    Decision decision = handler.review(review);

    assertThat(image(review, 0)).isEqualTo("app:v1");
    assertThat(decision.warnings())
        .singleElement()
        .asString()
        .startsWith("container \"c0\": kept image \"app:v1\", mirror check failed (primary)");
  }

  @Test
  void onlyMirrored_deniesNamingEachUnservedImage() throws Exception {
    AdmissionHandler handler = start(checked(mirror.host(), "mode: only-mirrored"));
    Review review = pod("app:v1", "absent:v1", "quay.io/acme/tool:1");

    Decision decision = handler.review(review);

    assertThat(decision)
        .isInstanceOfSatisfying(
            Decision.Deny.class,
            deny ->
                assertThat(deny.message())
                    .isEqualTo(
                        "Pod shop/checked: only mirrored images are allowed, and no mirror serves"
                            + " container \"c1\" image \"absent:v1\" (not on any mirror);"
                            + " container \"c2\" image \"quay.io/acme/tool:1\" (no rule matches)"));
  }

  @Test
  void secondAdmission_isAnsweredFromTheCache_andStatusShowsIt() throws Exception {
    AdmissionHandler handler = start(checked(mirror.host(), ""));
    handler.review(pod("app:v1"));
    long heads = mirror.accessLog().count("HEAD", "/v2/library/app/manifests/v1");

    Review again = pod("app:v1");
    handler.review(again);

    assertThat(image(again, 0)).isEqualTo(mirror.host() + "/library/app:v1");
    assertThat(mirror.accessLog().count("HEAD", "/v2/library/app/manifests/v1")).isEqualTo(heads);
    assertThat(
            context
                .meters()
                .get("harbormaster.imagerewriter.availability.checks")
                .tag("source", "cache")
                .counter()
                .count())
        .isEqualTo(1.0);
    handler.stop(Duration.ofSeconds(1));
    assertThat(context.lastStatus().orElse(null)).isInstanceOf(RewriterStatus.class);
    RewriterStatus status = (RewriterStatus) context.lastStatus().orElse(null);
    assertThat(status.rules())
        .extracting(RewriterStatus.RuleStatus::name)
        .containsExactly("primary");
    assertThat(status.mode()).isEqualTo("rewrite");
    assertThat(status.availabilityCacheEntries()).isEqualTo(1);
    assertThat(status.counters())
        .containsEntry(
            "harbormaster.imagerewriter.images{outcome=rewritten,reason=none,rule=primary}", 2L);
  }

  @Test
  void validatingScope_needsOnlyMirroredMode() throws Exception {
    context.withScope(Scope.VALIDATING);
    assertThatThrownBy(() -> start(checked(mirror.host(), "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "instance rewrite-test: scope validating needs config.mode: only-mirrored (a"
                + " validating instance cannot rewrite; use scope mutating to rewrite)");

    AdmissionHandler validating = start(checked(mirror.host(), "mode: only-mirrored"));
    assertThat(validating.review(pod("app:v1"))).isInstanceOf(Decision.Allow.class);
    assertThat(validating.review(pod("absent:v1"))).isInstanceOf(Decision.Deny.class);
  }
}
