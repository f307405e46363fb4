package dev.harbormaster.oci.manifest;

import dev.harbormaster.oci.digest.Digest;
import java.util.Arrays;
import java.util.Locale;

/**
 * A manifest exactly as a registry served it: the bytes (the digest is computed over them and a
 * copy must push them unchanged), the media type and the digest.
 *
 * @param bytes the raw manifest
 * @param mediaType its media type, without parameters
 * @param digest the sha256 digest of {@code bytes} (or of the algorithm it was requested with)
 */
public record ManifestBytes(byte[] bytes, String mediaType, Digest digest) {

  /** Checks that {@code digest} is the digest of {@code bytes}. */
  public ManifestBytes {
    bytes = bytes.clone();
    if (!digest.matches(bytes)) {
      throw new IllegalArgumentException(
          "digest " + digest + " is not the digest of the given manifest bytes");
    }
  }

  /**
   * Manifest bytes with their sha256 digest. When {@code contentType} is missing or generic ({@code
   * application/json}, {@code text/plain}) the media type is read from the JSON.
   */
  public static ManifestBytes of(byte[] bytes, String contentType) {
    return new ManifestBytes(bytes, mediaTypeOf(bytes, contentType), Digest.of(bytes));
  }

  /** The bytes (a copy). */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The size in bytes. */
  public long size() {
    return bytes.length;
  }

  /** The parsed view (index, image manifest, or other). */
  public Manifest parse() {
    return ManifestParser.parse(this);
  }

  /** Whether this is an index or manifest list. */
  public boolean isIndex() {
    return MediaTypes.isIndex(mediaType);
  }

  private static String mediaTypeOf(byte[] bytes, String contentType) {
    String type = contentType == null ? "" : contentType;
    int semi = type.indexOf(';');
    type = (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    if (type.isEmpty() || type.equals("application/json") || type.equals("text/plain")) {
      return ManifestParser.detectMediaType(bytes);
    }
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ManifestBytes m
        && Arrays.equals(bytes, m.bytes)
        && mediaType.equals(m.mediaType)
        && digest.equals(m.digest);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return "ManifestBytes[" + mediaType + ", " + digest + ", " + bytes.length + " bytes]";
  }
}
