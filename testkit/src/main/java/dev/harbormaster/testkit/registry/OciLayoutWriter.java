package dev.harbormaster.testkit.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes blobs of an OCI image layout ({@code oci-layout}, {@code index.json}, {@code
 * blobs/sha256/...}) by hand: gzip tar layers with seeded random content, and JSON documents.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-layout.md">OCI image
 *     layout</a>
 */
final class OciLayoutWriter {

  /** Sorted keys: {@code Map.of} iteration order varies between JVM runs, digests must not. */
  static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private static final int BLOCK = 512;

  private final Path root;
  private final Path blobs;

  OciLayoutWriter(Path root) throws IOException {
    this.root = root;
    this.blobs = root.resolve("blobs/sha256");
    Files.createDirectories(blobs);
    Files.writeString(
        root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}", StandardCharsets.UTF_8);
  }

  /** Path of a written blob. */
  Path blobPath(Descriptor descriptor) {
    return blobs.resolve(descriptor.hex());
  }

  /** Serialises {@code document} (maps keep insertion order) and stores it as a blob. */
  Descriptor writeJson(String mediaType, Map<String, Object> document) throws IOException {
    return writeBytes(mediaType, JSON.writeValueAsBytes(document));
  }

  Descriptor writeBytes(String mediaType, byte[] bytes) throws IOException {
    String digest = "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    Descriptor descriptor = new Descriptor(mediaType, digest, bytes.length);
    Files.write(blobPath(descriptor), bytes);
    return descriptor;
  }

  /**
   * Writes a gzip tar holding one file {@code fileName} of {@code size} random bytes drawn from
   * {@code seed}: the same seed and size always give the same digests.
   */
  TestLayer writeLayer(String mediaType, String fileName, long size, long seed) throws IOException {
    Path temp = Files.createTempFile(blobs, "layer", ".tmp");
    MessageDigest compressed = sha256();
    MessageDigest uncompressed = sha256();
    try (OutputStream file = Files.newOutputStream(temp);
        DigestOutputStream gzDigest = new DigestOutputStream(file, compressed);
        GZIPOutputStream gzip = new GZIPOutputStream(gzDigest, 64 * 1024);
        DigestOutputStream tar = new DigestOutputStream(gzip, uncompressed)) {
      tar.write(tarHeader(fileName, size));
      SplittableRandom random = new SplittableRandom(seed);
      byte[] chunk = new byte[64 * 1024];
      long remaining = size;
      while (remaining > 0) {
        random.nextBytes(chunk);
        int n = (int) Math.min(chunk.length, remaining);
        tar.write(chunk, 0, n);
        remaining -= n;
      }
      tar.write(new byte[(int) ((BLOCK - size % BLOCK) % BLOCK)]);
      tar.write(new byte[2 * BLOCK]);
    }
    String digest = "sha256:" + HexFormat.of().formatHex(compressed.digest());
    Descriptor blob = new Descriptor(mediaType, digest, Files.size(temp));
    Files.move(temp, blobPath(blob), StandardCopyOption.REPLACE_EXISTING);
    return new TestLayer(blob, "sha256:" + HexFormat.of().formatHex(uncompressed.digest()), size);
  }

  /** Writes {@code index.json} with one entry pointing at {@code top}, tagged {@code tag}. */
  void writeIndexJson(Descriptor top, String tag) throws IOException {
    Map<String, Object> entry = descriptorJson(top);
    entry.put("annotations", Map.of("org.opencontainers.image.ref.name", tag));
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemaVersion", 2);
    index.put("mediaType", "application/vnd.oci.image.index.v1+json");
    index.put("manifests", List.of(entry));
    Files.write(root.resolve("index.json"), JSON.writeValueAsBytes(index));
  }

  static Map<String, Object> descriptorJson(Descriptor d) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("mediaType", d.mediaType());
    json.put("digest", d.digest());
    json.put("size", d.size());
    return json;
  }

  /** A POSIX ustar header for a regular file, mode 0644, owner 0:0, mtime 0. */
  private static byte[] tarHeader(String name, long size) {
    if (name.length() > 99) {
      throw new IllegalArgumentException("tar entry name longer than 99 bytes: " + name);
    }
    byte[] h = new byte[BLOCK];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", size));
    put(h, 136, String.format("%011o", 0));
    put(h, 148, "        ");
    h[156] = '0';
    put(h, 257, "ustar");
    put(h, 263, "00");
    put(h, 265, "root");
    put(h, 297, "root");
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] header, int offset, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without SHA-256", e);
    }
  }
}
