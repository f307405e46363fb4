package dev.harbormaster.oci.reference;

/**
 * An image reference that breaks a rule of the reference grammar. The message names the input and
 * the rule, e.g. {@code invalid image reference "Nginx": repository path "Nginx" must be
 * lower-case}.
 *
 * @see <a href="https://github.com/distribution/reference/blob/main/reference.go">reference
 *     grammar</a>
 */
public final class InvalidReferenceException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String input;
  private final String reason;

  /**
   * @param input the reference as written
   * @param reason the rule broken, phrased to complete "invalid image reference "x": ..."
   */
  public InvalidReferenceException(String input, String reason) {
    super("invalid image reference \"" + input + "\": " + reason);
    this.input = input;
    this.reason = reason;
  }

  /** The reference as written. */
  public String input() {
    return input;
  }

  /** The rule that was broken, without the input. */
  public String reason() {
    return reason;
  }
}
