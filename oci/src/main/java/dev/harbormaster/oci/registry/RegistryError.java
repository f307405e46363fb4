package dev.harbormaster.oci.registry;

/**
 * One entry of a registry's error body {@code {"errors":[{"code":..., "message":...}]}}.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes">OCI
 *     distribution spec: error codes</a>
 */
public record RegistryError(String code, String message) {
  /** Codes defined by the distribution spec (registries may send others). */
  public static final String BLOB_UNKNOWN = "BLOB_UNKNOWN";

  public static final String BLOB_UPLOAD_INVALID = "BLOB_UPLOAD_INVALID";
  public static final String BLOB_UPLOAD_UNKNOWN = "BLOB_UPLOAD_UNKNOWN";
  public static final String DIGEST_INVALID = "DIGEST_INVALID";
  public static final String MANIFEST_BLOB_UNKNOWN = "MANIFEST_BLOB_UNKNOWN";
  public static final String MANIFEST_INVALID = "MANIFEST_INVALID";
  public static final String MANIFEST_UNKNOWN = "MANIFEST_UNKNOWN";
  public static final String NAME_INVALID = "NAME_INVALID";
  public static final String NAME_UNKNOWN = "NAME_UNKNOWN";
  public static final String SIZE_INVALID = "SIZE_INVALID";
  public static final String UNAUTHORIZED = "UNAUTHORIZED";
  public static final String DENIED = "DENIED";
  public static final String UNSUPPORTED = "UNSUPPORTED";
  public static final String TOOMANYREQUESTS = "TOOMANYREQUESTS";

  @Override
  public String toString() {
    return message.isEmpty() ? code : code + ": " + message;
  }
}
