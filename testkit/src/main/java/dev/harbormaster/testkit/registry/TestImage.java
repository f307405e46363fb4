package dev.harbormaster.testkit.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OCI image layout written by {@link TestImages}, with the digest and size of everything in it,
 * so tests can assert that a registry or client kept every byte.
 *
 * <p>{@link #top()} is what the tag points at: the image index for several platforms (or with an
 * attestation), else the single image manifest.
 */
public final class TestImage {

  /**
   * Sub-directory holding the {@code dir:} transport copy of a {@link ImageFormat#DOCKER} image.
   */
  static final String DIR_TRANSPORT = "dir-transport";

  private final Path layoutDir;
  private final String tag;
  private final Descriptor top;
  private final ImageFormat format;
  private final List<TestPlatformImage> images;
  private final Optional<TestPlatformImage> attestation;
  private final OciLayoutWriter writer;

  TestImage(
      Path layoutDir,
      String tag,
      Descriptor top,
      ImageFormat format,
      List<TestPlatformImage> images,
      Optional<TestPlatformImage> attestation,
      OciLayoutWriter writer) {
    this.layoutDir = layoutDir;
    this.tag = tag;
    this.top = top;
    this.format = format;
    this.images = List.copyOf(images);
    this.attestation = attestation;
    this.writer = writer;
  }

  /** The layout directory (contains {@code oci-layout}, {@code index.json}, {@code blobs/}). */
  public Path layoutDir() {
    return layoutDir;
  }

  /** The tag in the layout's {@code index.json}. */
  public String tag() {
    return tag;
  }

  /** {@code oci:<dir>:<tag>}; skopeo reads it for OCI images (see {@link #skopeoSourceRef()}). */
  public String ociRef() {
    return "oci:" + layoutDir + ":" + tag;
  }

  /**
   * The reference skopeo copies from: {@link #ociRef()} for OCI images; for {@link
   * ImageFormat#DOCKER} images {@code dir:<layoutDir>/dir-transport}, because skopeo's {@code oci:}
   * transport ignores Docker media types in {@code index.json}.
   */
  public String skopeoSourceRef() {
    return format == ImageFormat.OCI ? ociRef() : "dir:" + layoutDir.resolve(DIR_TRANSPORT);
  }

  /** What the tag points at: the image index, or the only image manifest. */
  public Descriptor top() {
    return top;
  }

  /** True when {@link #top()} is an image index. */
  public boolean isIndex() {
    return top.mediaType().equals(format.indexMediaType());
  }

  /** The media types the image was written with. */
  public ImageFormat format() {
    return format;
  }

  /** The platform images in index order (not the attestation). */
  public List<TestPlatformImage> images() {
    return images;
  }

  /** The image for {@code os/arch[/variant]}. */
  public TestPlatformImage image(String platform) {
    return images.stream()
        .filter(i -> i.platform().equals(platform))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no image for platform '"
                        + platform
                        + "'; written: "
                        + images.stream().map(TestPlatformImage::platform).toList()));
  }

  /** The attestation manifest ({@code unknown/unknown}), when requested. */
  public Optional<TestPlatformImage> attestation() {
    return attestation;
  }

  /**
   * Every blob reachable from {@link #top()}, by digest: the index, manifests, configs and layers
   * (a shared layer appears once).
   */
  public Map<String, Descriptor> blobs() {
    Map<String, Descriptor> all = new LinkedHashMap<>();
    all.put(top.digest(), top);
    images.forEach(i -> addImage(all, i));
    attestation.ifPresent(a -> addImage(all, a));
    return all;
  }

  private static void addImage(Map<String, Descriptor> all, TestPlatformImage image) {
    all.put(image.manifest().digest(), image.manifest());
    all.put(image.config().digest(), image.config());
    image.layers().forEach(l -> all.put(l.blob().digest(), l.blob()));
  }

  /** Sum of the sizes of {@link #blobs()}. */
  public long totalBytes() {
    return blobs().values().stream().mapToLong(Descriptor::size).sum();
  }

  /** The exact bytes of a blob in the layout (manifest, config, layer). */
  public byte[] blobBytes(String digest) {
    Descriptor descriptor = blobs().get(digest);
    if (descriptor == null) {
      throw new IllegalArgumentException("blob " + digest + " is not part of " + ociRef());
    }
    try {
      return Files.readAllBytes(writer.blobPath(descriptor));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Path of a blob file in the layout. */
  public Path blobPath(Descriptor descriptor) {
    return writer.blobPath(descriptor);
  }

  /**
   * Pushes the whole image with {@code skopeo copy --all}, with the registry's htpasswd user if
   * any.
   */
  public void pushWithSkopeo(RegistryPeer registry, String repoAndTag) {
    Skopeo.locate()
        .copyAll(
            skopeoSourceRef(),
            Optional.empty(),
            registry.dockerRef(repoAndTag),
            registry.credentials());
  }

  /** Pushes with {@code skopeo copy --all} using {@code credentials} for the registry. */
  public void pushWithSkopeo(RegistryPeer registry, String repoAndTag, Credentials credentials) {
    Skopeo.locate()
        .copyAll(
            skopeoSourceRef(),
            Optional.empty(),
            registry.dockerRef(repoAndTag),
            Optional.of(credentials));
  }

  @Override
  public String toString() {
    return "TestImage[" + ociRef() + ", top=" + top.digest() + "]";
  }
}
