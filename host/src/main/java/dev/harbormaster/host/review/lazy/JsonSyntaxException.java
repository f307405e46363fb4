package dev.harbormaster.host.review.lazy;

/**
 * Malformed JSON found by {@link JsonScanner#validate}: the message says what was found, at which
 * byte offset of the body, and what was expected there.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259">RFC 8259, The JSON Data Interchange
 *     Format</a>
 */
public final class JsonSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  /**
   * @param message what was found, where and what was expected
   * @param offset index of the offending byte in the scanned array
   */
  public JsonSyntaxException(String message, long offset) {
    super(message);
    this.offset = offset;
  }

  /** Index of the offending byte in the scanned array (the end index for a premature end). */
  public long offset() {
    return offset;
  }
}
