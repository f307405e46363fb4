package dev.harbormaster.bench.admission;

import dev.harbormaster.testkit.registry.AccessLogEntry;
import dev.harbormaster.testkit.registry.RegistryPeer;
import dev.harbormaster.testkit.registry.TestImages;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mirror the checking image-rewriter variant asks: a real {@code docker-registry} (testkit
 * {@link RegistryPeer}, plain HTTP on loopback) holding a small test image under the mirror path of
 * every image the Deployment CREATE review names, so that every existence check hits. Its access
 * log tells how many manifest {@code HEAD}s the host sent.
 */
final class RewriterMirror implements AutoCloseable {
  /**
   * The images of {@code deployment-create-review.json} and where the rewriter config puts them.
   *
   * @param patchPath the JSON Pointer of the image in the Deployment
   * @param mirrorPath repository and tag below the mirror host
   */
  record Image(String patchPath, String original, String mirrorPath) {}

  /** The four images of the review, all taken by a rule of {@code rewriter-config.yaml}. */
  static final List<Image> IMAGES =
      List.of(
          new Image(
              "/spec/template/spec/initContainers/0/image",
              "registry.example.com/shop/checkout-migrations:2.14.3",
              "shop/checkout-migrations:2.14.3"),
          new Image(
              "/spec/template/spec/containers/0/image",
              "registry.example.com/shop/checkout:2.14.3",
              "shop/checkout:2.14.3"),
          new Image(
              "/spec/template/spec/containers/1/image",
              "docker.io/envoyproxy/envoy:v1.31.2",
              "hub/envoyproxy/envoy:v1.31.2"),
          new Image(
              "/spec/template/spec/containers/2/image",
              "otel/opentelemetry-collector-contrib:0.112.0",
              "hub/otel/opentelemetry-collector-contrib:0.112.0"));

  private static final String MANIFEST_PATHS = "/v2/.+/manifests/.+";

  private final RegistryPeer registry;

  private RewriterMirror(RegistryPeer registry) {
    this.registry = registry;
  }

  /** Starts the registry and pushes one test image per {@link #IMAGES} entry with skopeo. */
  static RewriterMirror start() {
    RegistryPeer registry = RegistryPeer.startPlain();
    try {
      long seed = 4000;
      for (Image image : IMAGES) {
        TestImages.singlePlatform(seed++).pushWithSkopeo(registry, image.mirrorPath());
      }
      return new RewriterMirror(registry);
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
  }

  /** The mirror's {@code host:port}. */
  String host() {
    return registry.host();
  }

  /** Manifest {@code HEAD}s in the registry's access log so far. */
  long manifestHeads() {
    return registry.accessLog().count("HEAD", MANIFEST_PATHS);
  }

  /** Manifest {@code GET}s in the registry's access log so far, with their answers. */
  List<AccessLogEntry> manifestGets() {
    return registry.accessLog().matching("GET", MANIFEST_PATHS);
  }

  /** Waits (up to 10 s) for at least {@code atLeast} manifest {@code GET}s in the access log. */
  long awaitManifestGets(long atLeast) {
    return registry.accessLog().awaitCount("GET", MANIFEST_PATHS, atLeast, Duration.ofSeconds(10));
  }

  /** Waits (up to 10 s, the log is written by another process) for at least {@code atLeast}. */
  long awaitManifestHeads(long atLeast) {
    return registry.accessLog().awaitCount("HEAD", MANIFEST_PATHS, atLeast, Duration.ofSeconds(10));
  }

  /** The patch values a rewriter with mirror {@code mirrorHost} must produce: path to image. */
  static Map<String, String> expectedPatch(String mirrorHost) {
    Map<String, String> expected = new LinkedHashMap<>();
    IMAGES.forEach(image -> expected.put(image.patchPath(), mirrorHost + "/" + image.mirrorPath()));
    return expected;
  }

  @Override
  public void close() {
    registry.close();
  }
}
