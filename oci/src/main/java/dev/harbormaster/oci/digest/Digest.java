package dev.harbormaster.oci.digest;

import java.util.HexFormat;

/**
 * A content digest such as {@code sha256:e3b0c442...}: the identity of a blob or manifest. Kept
 * verbatim; only {@code sha256} (64 hex) and {@code sha512} (128 hex) are accepted, hex lower-case.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests">OCI
 *     image spec: digests</a>
 */
public record Digest(DigestAlgorithm algorithm, String hex) {

  private static final HexFormat HEX = HexFormat.of();

  /** Validates the parts; use {@link #parse} for strings. */
  public Digest {
    String problem = hexProblem(algorithm, hex);
    if (problem != null) {
      throw new InvalidDigestException(algorithm.id() + ":" + hex, problem);
    }
  }

  /**
   * Parses {@code algorithm:hex}.
   *
   * @throws InvalidDigestException naming the input and the rule broken
   */
  public static Digest parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new InvalidDigestException(text, "expected <algorithm>:<hex>, e.g. sha256:<64 hex>");
    }
    String alg = text.substring(0, colon);
    DigestAlgorithm algorithm =
        DigestAlgorithm.byId(alg)
            .orElseThrow(
                () ->
                    new InvalidDigestException(
                        text, "unsupported algorithm \"" + alg + "\" (supported: sha256, sha512)"));
    return new Digest(algorithm, text.substring(colon + 1));
  }

  /** The sha256 digest of {@code bytes}. */
  public static Digest of(byte[] bytes) {
    return of(DigestAlgorithm.SHA256, bytes);
  }

  /** The digest of {@code bytes} with {@code algorithm}. */
  public static Digest of(DigestAlgorithm algorithm, byte[] bytes) {
    return fromRaw(algorithm, algorithm.newMessageDigest().digest(bytes));
  }

  /** The digest whose raw hash is {@code hash}, as produced by a {@code MessageDigest}. */
  public static Digest fromRaw(DigestAlgorithm algorithm, byte[] hash) {
    return new Digest(algorithm, HEX.formatHex(hash));
  }

  /** This digest's algorithm applied to {@code bytes}, e.g. to verify a manifest. */
  public boolean matches(byte[] bytes) {
    return equals(of(algorithm, bytes));
  }

  /** {@code algorithm:hex}. */
  @Override
  public String toString() {
    return algorithm.id() + ":" + hex;
  }

  private static String hexProblem(DigestAlgorithm algorithm, String hex) {
    if (hex.length() != algorithm.hexLength()) {
      return algorithm.id()
          + " needs "
          + algorithm.hexLength()
          + " hex characters, got "
          + hex.length();
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return "character '" + c + "' at position " + i + " is not lower-case hex";
      }
    }
    return null;
  }
}
