package dev.harbormaster.oci.digest;

/** A digest string that is not {@code sha256:<64 hex>} or {@code sha512:<128 hex>}. */
public final class InvalidDigestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  InvalidDigestException(String input, String reason) {
    super("invalid digest \"" + input + "\": " + reason);
    this.reason = reason;
  }

  /** The rule that was broken, without the input. */
  public String reason() {
    return reason;
  }
}
