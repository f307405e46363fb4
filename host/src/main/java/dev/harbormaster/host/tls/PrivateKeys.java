package dev.harbormaster.host.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the private key of a PEM file in the encodings cert-manager writes, with the JDK only:
 *
 * <ul>
 *   <li>{@code PRIVATE KEY}: PKCS#8 PrivateKeyInfo (<a
 *       href="https://www.rfc-editor.org/rfc/rfc5208#section-5">RFC 5208</a>), RSA, EC or Ed25519;
 *   <li>{@code RSA PRIVATE KEY}: PKCS#1 RSAPrivateKey (<a
 *       href="https://www.rfc-editor.org/rfc/rfc8017#appendix-A.1.2">RFC 8017 A.1.2</a>), wrapped
 *       into a PrivateKeyInfo with the rsaEncryption algorithm;
 *   <li>{@code EC PRIVATE KEY}: SEC1 ECPrivateKey (<a
 *       href="https://www.rfc-editor.org/rfc/rfc5915#section-3">RFC 5915</a>), wrapped into a
 *       PrivateKeyInfo with id-ecPublicKey and the named curve taken from its {@code [0]}
 *       parameters.
 * </ul>
 *
 * Encrypted keys ({@code ENCRYPTED PRIVATE KEY}, or OpenSSL's {@code Proc-Type: 4,ENCRYPTED}) are
 * refused: the host has no place for a passphrase.
 */
final class PrivateKeys {
  private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
  private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
  private static final String ED25519 = "1.3.101.112";
  private static final Map<String, String> ALGORITHMS =
      Map.of(RSA_ENCRYPTION, "RSA", EC_PUBLIC_KEY, "EC", ED25519, "Ed25519");
  private static final Map<String, String> CURVES =
      Map.of("1.2.840.10045.3.1.7", "P-256", "1.3.132.0.34", "P-384", "1.3.132.0.35", "P-521");
  private static final Set<String> KEY_LABELS =
      Set.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY");
  private static final String ENCRYPTED =
      "encrypted keys are not supported, store the key unencrypted (cert-manager always does;"
          + " 'openssl pkey -in KEY -out tls.key' decrypts one)";

  private PrivateKeys() {}

  /** The one private key among {@code blocks} of {@code file}. */
  static PrivateKey read(Path file, List<PemBlock> blocks) {
    List<PemBlock> keys = blocks.stream().filter(b -> KEY_LABELS.contains(b.label())).toList();
    if (keys.isEmpty()) {
      throw new TlsMaterialException(
          file,
          "no private key found (expected a PEM block 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC"
              + " PRIVATE KEY'; found "
              + labels(blocks)
              + ")");
    }
    if (keys.size() > 1) {
      throw new TlsMaterialException(
          file, keys.size() + " private keys found; the key file must hold exactly one");
    }
    PemBlock key = keys.getFirst();
    if (key.label().equals("ENCRYPTED PRIVATE KEY") || key.isLegacyEncrypted()) {
      throw new TlsMaterialException(file, ENCRYPTED);
    }
    try {
      return switch (key.label()) {
        case "RSA PRIVATE KEY" ->
            fromPkcs8(file, wrap(algorithm(RSA_ENCRYPTION, Der.encode(Der.NULL)), key.der()));
        case "EC PRIVATE KEY" -> fromPkcs8(file, fromSec1(file, key.der()));
        default -> fromPkcs8(file, key.der());
      };
    } catch (IllegalArgumentException malformed) {
      throw new TlsMaterialException(
          file,
          "PEM block '%s' at line %d is not a well-formed key: %s"
              .formatted(key.label(), key.line(), malformed.getMessage()));
    }
  }

  /** Wraps a SEC1 ECPrivateKey into a PrivateKeyInfo naming its curve. */
  private static byte[] fromSec1(Path file, byte[] sec1) {
    Der.Element curve =
        Der.read(sec1).children().stream()
            .filter(e -> e.isContextSpecific(0))
            .findFirst()
            .map(parameters -> parameters.children().getFirst())
            .orElseThrow(
                () ->
                    new TlsMaterialException(
                        file, "the EC private key does not name its curve (no [0] parameters)"));
    if (curve.tag() != Der.OBJECT_IDENTIFIER) {
      throw new TlsMaterialException(
          file, "explicit EC curve parameters are not supported; use a named curve such as P-256");
    }
    return wrap(algorithm(EC_PUBLIC_KEY, curve.encoded()), sec1);
  }

  private static PrivateKey fromPkcs8(Path file, byte[] pkcs8) {
    List<Der.Element> info = Der.read(pkcs8).children();
    if (info.size() < 3 || info.get(1).tag() != Der.SEQUENCE) {
      throw new IllegalArgumentException("not a PKCS#8 PrivateKeyInfo");
    }
    List<Der.Element> algorithmId = info.get(1).children();
    if (algorithmId.isEmpty() || algorithmId.getFirst().tag() != Der.OBJECT_IDENTIFIER) {
      throw new IllegalArgumentException("the PrivateKeyInfo has no algorithm identifier");
    }
    String oid = Der.objectIdentifier(algorithmId.getFirst().content());
    String algorithm = ALGORITHMS.get(oid);
    if (algorithm == null) {
      throw new TlsMaterialException(
          file, "unsupported key type (algorithm OID " + oid + "); supported: RSA, EC, Ed25519");
    }
    if (algorithm.equals("EC")) {
      if (algorithmId.size() < 2 || algorithmId.get(1).tag() != Der.OBJECT_IDENTIFIER) {
        throw new TlsMaterialException(
            file, "the EC private key does not name its curve; use a named curve such as P-256");
      }
      String curve = Der.objectIdentifier(algorithmId.get(1).content());
      if (!CURVES.containsKey(curve)) {
        throw new TlsMaterialException(
            file, "unsupported EC curve " + curve + "; supported: P-256, P-384, P-521");
      }
    }
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new TlsMaterialException(
          file, "the " + algorithm + " private key is malformed: " + e.getMessage(), e);
    }
  }

  private static byte[] algorithm(String oid, byte[] parameters) {
    return Der.encode(Der.SEQUENCE, Der.encode(Der.OBJECT_IDENTIFIER, oidContent(oid)), parameters);
  }

  /** PrivateKeyInfo ::= SEQUENCE { version 0, privateKeyAlgorithm, privateKey OCTET STRING }. */
  private static byte[] wrap(byte[] algorithmIdentifier, byte[] privateKey) {
    return Der.encode(
        Der.SEQUENCE,
        Der.encode(Der.INTEGER, new byte[] {0}),
        algorithmIdentifier,
        Der.encode(Der.OCTET_STRING, privateKey));
  }

  private static byte[] oidContent(String oid) {
    return switch (oid) {
      case RSA_ENCRYPTION -> HexFormat.of().parseHex("2a864886f70d010101");
      case EC_PUBLIC_KEY -> HexFormat.of().parseHex("2a8648ce3d0201");
      default -> throw new IllegalArgumentException("no encoding for " + oid);
    };
  }

  private static String labels(List<PemBlock> blocks) {
    return blocks.isEmpty()
        ? "no PEM blocks"
        : blocks.stream().map(b -> "'" + b.label() + "'").distinct().toList().toString();
  }
}
