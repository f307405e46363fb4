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

  // Messages for JsonScanner: what was found, at which byte, and what was expected there.

  static JsonSyntaxException empty(int pos) {
    return new JsonSyntaxException("empty input at byte " + pos + ", expected a JSON value", pos);
  }

  static JsonSyntaxException trailing(byte found, int pos) {
    return new JsonSyntaxException(
        "trailing content at byte "
            + pos
            + ": "
            + describe(found)
            + " after the end of the JSON value, expected the end of input",
        pos);
  }

  static JsonSyntaxException controlCharacter(int b, int pos, int stringStart) {
    return new JsonSyntaxException(
        "unescaped control character "
            + hex(b)
            + " at byte "
            + pos
            + " in the string that starts at byte "
            + stringStart
            + ", expected it escaped as \\n, \\r, \\t or \\u00XX",
        pos);
  }

  static JsonSyntaxException invalidEscape(byte found, int pos) {
    return new JsonSyntaxException(
        "invalid escape: "
            + describe(found)
            + " at byte "
            + pos
            + " after '\\', expected one of \" \\ / b f n r t u",
        pos);
  }

  static JsonSyntaxException leadingZero(byte found, int pos) {
    return new JsonSyntaxException(
        "unexpected character '"
            + (char) found
            + "' at byte "
            + pos
            + " after a leading '0', expected '.', 'e', or the end of the number"
            + " (leading zeros are not allowed)",
        pos);
  }

  static JsonSyntaxException unexpected(byte[] src, int pos, String expected) {
    return new JsonSyntaxException(
        "unexpected " + describe(src[pos]) + " at byte " + pos + ", expected " + expected, pos);
  }

  static JsonSyntaxException endOfInput(int pos, String expected) {
    return new JsonSyntaxException(
        "unexpected end of input at byte " + pos + ", expected " + expected, pos);
  }

  static JsonSyntaxException tooLong(int length, int max, int pos) {
    return new JsonSyntaxException(
        "number with " + length + " digits at byte " + pos + ", more than the " + max + " allowed",
        pos);
  }

  static JsonSyntaxException tooDeep(int maxDepth, int pos) {
    return new JsonSyntaxException("nesting deeper than " + maxDepth + " at byte " + pos, pos);
  }

  static JsonSyntaxException invalidUtf8Lead(int b, int pos) {
    String why =
        b < 0xC0
            ? "a continuation byte without a lead byte"
            : b < 0xC2 ? "overlong encoding" : "not a UTF-8 lead byte (above U+10FFFF)";
    return new JsonSyntaxException(
        "invalid UTF-8 byte " + hex(b) + " at byte " + pos + " in a string (" + why + ")", pos);
  }

  static JsonSyntaxException invalidUtf8Continuation(
      int leadByte, int lead, int c, int at, boolean second) {
    String why;
    if (!second || c < 0x80 || c > 0xBF) {
      why = "expected a continuation byte 0x80-0xBF";
    } else if (leadByte == 0xED) {
      why = "a UTF-16 surrogate encoded in UTF-8";
    } else if (leadByte == 0xF4) {
      why = "a code point above U+10FFFF";
    } else {
      why = "overlong encoding";
    }
    return new JsonSyntaxException(
        "invalid UTF-8 byte "
            + hex(c)
            + " at byte "
            + at
            + " in the sequence starting with "
            + hex(leadByte)
            + " at byte "
            + lead
            + " ("
            + why
            + ")",
        at);
  }

  /** "character 'x'" for printable ASCII, "byte 0xC3" otherwise. */
  private static String describe(byte b) {
    return b > ' ' && b < 0x7F ? "character '" + (char) b + "'" : "byte " + hex(b & 0xFF);
  }

  private static String hex(int b) {
    return String.format("0x%02X", b);
  }
}
