package dev.harbormaster.testkit.registry;

import dev.harbormaster.testkit.process.WorkDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds test images without Docker: writes an OCI image layout directory by hand with real gzip
 * tar layers (seeded random, so incompressible yet reproducible: the same options give the same
 * digests), config JSON, image manifests, and for several platforms an image index, optionally with
 * a buildx-style attestation manifest ({@code unknown/unknown}).
 *
 * <pre>{@code
 * TestImage image = TestImages.builder()
 *     .seed(7)
 *     .platforms("linux/amd64", "linux/arm64/v8")
 *     .layers(2)
 *     .layerSize(64 * 1024)
 *     .withAttestation()
 *     .tag("v1")
 *     .write();                                   // or .writeTo(tempDir)
 * image.pushWithSkopeo(registry, "app:v1");
 * String indexDigest = image.top().digest();
 * }</pre>
 *
 * <p>One platform gives a single image manifest (no index) unless {@link #alwaysIndex()}.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/spec.md">OCI image spec</a>
 */
public final class TestImages {

  /** OCI image index media type. */
  public static final String INDEX = ImageFormat.OCI.indexMediaType();

  private long seed = 1;
  private List<String> platforms = List.of("linux/amd64");
  private int layers = 1;
  private long layerSize = 16 * 1024;
  private boolean attestation;
  private boolean alwaysIndex;
  private boolean shareFirstLayer;
  private String tag = "latest";
  private ImageFormat format = ImageFormat.OCI;

  private TestImages() {}

  /** A builder: defaults are seed 1, {@code linux/amd64}, one 16 KiB layer, tag {@code latest}. */
  public static TestImages builder() {
    return new TestImages();
  }

  /** A single-platform ({@code linux/amd64}) image with one 16 KiB layer, tag {@code latest}. */
  public static TestImage singlePlatform(long seed) {
    return builder().seed(seed).write();
  }

  /** An index over {@code linux/amd64} and {@code linux/arm64/v8}, two 16 KiB layers each. */
  public static TestImage multiPlatform(long seed) {
    return builder().seed(seed).platforms("linux/amd64", "linux/arm64/v8").layers(2).write();
  }

  /** Content seed: different seeds give different layers (and digests). */
  public TestImages seed(long value) {
    seed = value;
    return this;
  }

  /** Platforms as {@code os/arch[/variant]}; more than one gives an image index. */
  public TestImages platforms(String... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("platforms: at least one os/arch[/variant] is needed");
    }
    for (String p : values) {
      if (!p.matches("[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?")) {
        throw new IllegalArgumentException("platform must be os/arch[/variant], got '" + p + "'");
      }
    }
    platforms = List.of(values);
    return this;
  }

  /** Number of layers per platform image (at least 1). */
  public TestImages layers(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("layers must be at least 1, got " + count);
    }
    layers = count;
    return this;
  }

  /** Payload bytes per layer (random, so the gzip blob is slightly larger). */
  public TestImages layerSize(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("layerSize must not be negative, got " + bytes);
    }
    layerSize = bytes;
    return this;
  }

  /** Media types to write (default {@link ImageFormat#OCI}). */
  public TestImages format(ImageFormat value) {
    format = value;
    return this;
  }

  /** Adds an attestation manifest ({@code unknown/unknown}) for the first platform image. */
  public TestImages withAttestation() {
    attestation = true;
    return this;
  }

  /** Writes an index even for a single platform. */
  public TestImages alwaysIndex() {
    alwaysIndex = true;
    return this;
  }

  /** The first layer is the same blob on every platform (a shared base layer). */
  public TestImages shareFirstLayer() {
    shareFirstLayer = true;
    return this;
  }

  /** The tag recorded in the layout's {@code index.json} ({@code oci:<dir>:<tag>}). */
  public TestImages tag(String value) {
    if (!value.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
      throw new IllegalArgumentException(
          "tag must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}, got '" + value + "'");
    }
    tag = value;
    return this;
  }

  /** Writes into a new temporary directory, deleted when the JVM exits. */
  public TestImage write() {
    return writeTo(WorkDirs.createDeletedAtExit("image"));
  }

  /** Writes the layout into {@code dir} (created if needed). */
  public TestImage writeTo(Path dir) {
    if (attestation && format != ImageFormat.OCI) {
      throw new IllegalStateException(
          "withAttestation() needs format OCI (buildx writes attestations only into OCI indexes),"
              + " got "
              + format);
    }
    try {
      OciLayoutWriter writer = new OciLayoutWriter(dir);
      List<TestPlatformImage> images = new ArrayList<>();
      for (int p = 0; p < platforms.size(); p++) {
        images.add(writePlatform(writer, p));
      }
      Optional<TestPlatformImage> attestationImage =
          attestation ? Optional.of(writeAttestation(writer, images.getFirst())) : Optional.empty();
      Descriptor top;
      if (images.size() == 1 && !alwaysIndex && attestationImage.isEmpty()) {
        top = images.getFirst().manifest();
      } else {
        top =
            writer.writeJson(
                format.indexMediaType(), ImageDocuments.index(format, images, attestationImage));
      }
      writer.writeIndexJson(top, tag);
      if (format == ImageFormat.DOCKER) {
        DirTransportWriter.write(
            dir.resolve(TestImage.DIR_TRANSPORT),
            writer,
            top,
            images,
            !top.equals(images.getFirst().manifest()));
      }
      return new TestImage(dir, tag, top, format, images, attestationImage, writer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write OCI layout to " + dir, e);
    }
  }

  private TestPlatformImage writePlatform(OciLayoutWriter writer, int p) throws IOException {
    List<TestLayer> written = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      boolean shared = shareFirstLayer && l == 0;
      long layerSeed = seed * 1_000_003L + (shared ? 999_983L : p * 1009L) + l;
      String name = shared ? "data/base.bin" : "data/p" + p + "-l" + l + ".bin";
      written.add(writer.writeLayer(format.layerMediaType(), name, layerSize, layerSeed));
    }
    String platform = platforms.get(p);
    Descriptor config =
        writer.writeJson(format.configMediaType(), ImageDocuments.config(platform, written));
    Descriptor manifest =
        writer.writeJson(
            format.manifestMediaType(), ImageDocuments.manifest(format, config, written));
    return new TestPlatformImage(platform, manifest, config, written);
  }

  private TestPlatformImage writeAttestation(OciLayoutWriter writer, TestPlatformImage subject)
      throws IOException {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("_type", "https://in-toto.io/Statement/v0.1");
    statement.put("predicateType", "https://spdx.dev/Document");
    statement.put("subject", List.of(Map.of("digest", Map.of("sha256", subject.manifest().hex()))));
    statement.put("predicate", Map.of("spdxVersion", "SPDX-2.3", "name", "test-" + seed));
    byte[] bytes = OciLayoutWriter.JSON.writeValueAsBytes(statement);
    Descriptor blob = writer.writeBytes("application/vnd.in-toto+json", bytes);
    TestLayer layer = new TestLayer(blob, blob.digest(), bytes.length);
    Descriptor config =
        writer.writeJson(
            ImageFormat.OCI.configMediaType(),
            ImageDocuments.config("unknown/unknown", List.of(layer)));
    Map<String, Object> manifest = ImageDocuments.manifest(ImageFormat.OCI, config, List.of(layer));
    @SuppressWarnings("unchecked")
    Map<String, Object> layerJson =
        (Map<String, Object>) ((List<?>) manifest.get("layers")).getFirst();
    layerJson.put("annotations", Map.of("in-toto.io/predicate-type", "https://spdx.dev/Document"));
    Descriptor written = writer.writeJson(ImageFormat.OCI.manifestMediaType(), manifest);
    return new TestPlatformImage("unknown/unknown", written, config, List.of(layer));
  }
}
