package dev.harbormaster.host.review.lazy;

import static dev.harbormaster.host.review.lazy.JsonSyntaxException.controlCharacter;
import static dev.harbormaster.host.review.lazy.JsonSyntaxException.empty;
import static dev.harbormaster.host.review.lazy.JsonSyntaxException.endOfInput;
import static dev.harbormaster.host.review.lazy.JsonSyntaxException.invalidEscape;
import static dev.harbormaster.host.review.lazy.JsonSyntaxException.invalidUtf8Continuation;
import static dev.harbormaster.host.review.lazy.JsonSyntaxException.invalidUtf8Lead;
import static dev.harbormaster.host.review.lazy.JsonSyntaxException.leadingZero;
import static dev.harbormaster.host.review.lazy.JsonSyntaxException.tooDeep;
import static dev.harbormaster.host.review.lazy.JsonSyntaxException.tooLong;
import static dev.harbormaster.host.review.lazy.JsonSyntaxException.trailing;
import static dev.harbormaster.host.review.lazy.JsonSyntaxException.unexpected;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import tools.jackson.core.StreamReadConstraints;

/**
 * Byte-level JSON scanner for the lazy tree: one strict validation pass over a body, then fast
 * skips over already validated values to find where a child starts and ends.
 *
 * <p>{@link #validate} accepts exactly RFC 8259 JSON text encoded as well-formed UTF-8 (RFC 3629,
 * as RFC 8259 section 8.1 requires), with nesting up to Jackson's default limit so both parsers
 * agree on depth. Where it is stricter than Jackson 3's defaults: Jackson accepts overlong UTF-8
 * and sequences above U+10FFFF inside string values, an empty body (as a missing node), a leading
 * byte order mark and UTF-16/32 bodies. Numbers are limited to Jackson's default length too (1000
 * characters; the lazy tree hands numbers to Jackson). Where it is more lenient: property names
 * longer than Jackson's 50,000 bytes are accepted (the lazy tree decodes names itself).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259">RFC 8259, The JSON Data Interchange
 *     Format</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc3629#section-4">RFC 3629 section 4, UTF-8
 *     syntax</a>
 */
final class JsonScanner {
  /** Deepest nesting accepted: Jackson's default, so both parsers agree. */
  static final int MAX_DEPTH = StreamReadConstraints.defaults().getMaxNestingDepth();

  /**
   * Longest number accepted: Jackson's default, since lazy nodes hand numbers beyond simple
   * integers to Jackson; a longer one must be a 400 here, not a failure when an instance reads it.
   */
  static final int MAX_NUMBER_LENGTH = StreamReadConstraints.defaults().getMaxNumberLength();

  // Byte classes inside a string for validate(); 0 means "plain byte, keep going".
  private static final byte PLAIN = 0;
  private static final byte QUOTE = 1;
  private static final byte BACKSLASH = 2;
  private static final byte CONTROL = 3;
  private static final byte LEAD2 = 4; // C2..DF
  private static final byte LEAD3 = 5; // E1..EC, EE, EF
  private static final byte LEAD_E0 = 6; // second byte A0..BF, else overlong
  private static final byte LEAD_ED = 7; // second byte 80..9F, else a surrogate
  private static final byte LEAD4 = 8; // F1..F3
  private static final byte LEAD_F0 = 9; // second byte 90..BF, else overlong
  private static final byte LEAD_F4 = 10; // second byte 80..8F, else above U+10FFFF
  private static final byte INVALID = 11; // 80..C1, F5..FF
  private static final byte[] STRING_CLASS = new byte[256];

  // Byte classes for skipping containers.
  private static final byte OPEN = 1;
  private static final byte CLOSE = 2;
  private static final byte STRING = 3;
  private static final byte[] SKIP_CLASS = new byte[256];
  private static final boolean[] NUMBER_BYTE = new boolean[256];

  // Little-endian so that the lowest set bit of a match mask is the first byte in the array.
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';

  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  static {
    for (int b = 0; b < 0x20; b++) STRING_CLASS[b] = CONTROL;
    STRING_CLASS['"'] = QUOTE;
    STRING_CLASS['\\'] = BACKSLASH;
    for (int b = 0x80; b < 0xC2; b++) STRING_CLASS[b] = INVALID;
    for (int b = 0xC2; b < 0xE0; b++) STRING_CLASS[b] = LEAD2;
    for (int b = 0xE1; b < 0xF0; b++) STRING_CLASS[b] = LEAD3;
    STRING_CLASS[0xE0] = LEAD_E0;
    STRING_CLASS[0xED] = LEAD_ED;
    STRING_CLASS[0xF0] = LEAD_F0;
    for (int b = 0xF1; b < 0xF4; b++) STRING_CLASS[b] = LEAD4;
    STRING_CLASS[0xF4] = LEAD_F4;
    for (int b = 0xF5; b < 0x100; b++) STRING_CLASS[b] = INVALID;

    SKIP_CLASS['{'] = OPEN;
    SKIP_CLASS['['] = OPEN;
    SKIP_CLASS['}'] = CLOSE;
    SKIP_CLASS[']'] = CLOSE;
    SKIP_CLASS['"'] = STRING;
    for (byte b : "0123456789+-.eE".getBytes(StandardCharsets.US_ASCII)) {
      NUMBER_BYTE[b] = true;
    }
  }

  private JsonScanner() {}

  /**
   * Checks that {@code src[from, to)} is exactly one JSON value (RFC 8259) with optional whitespace
   * around it: structure, strings (escapes incl. {@code \\uXXXX}, no raw control characters,
   * well-formed UTF-8), numbers, literals and nesting depth up to {@link #MAX_DEPTH}. Iterative, so
   * deep input cannot overflow the Java stack; allocates only a small depth bit set per call.
   *
   * @throws JsonSyntaxException naming the byte offset (index in {@code src}), what was found and
   *     what was expected
   */
  static void validate(byte[] src, int from, int to) {
    index(src, from, to);
  }

  /**
   * {@link #validate}s and returns where every container ends, for {@link #skipValue(byte[], int,
   * int, ContainerIndex)}.
   *
   * @throws JsonSyntaxException as {@link #validate} does
   */
  static ContainerIndex index(byte[] src, int from, int to) {
    Objects.checkFromToIndex(from, to, src.length);
    ContainerIndex index = new ContainerIndex();
    int[] slots = new int[16]; // slots[d]: the index slot of the open container at depth d
    int pos = skipWhitespace(src, from, to);
    if (pos == to) {
      throw empty(pos);
    }
    long[] isObject = new long[(MAX_DEPTH + 63) >>> 6]; // bit d: the container at depth d is {}
    int depth = 0;
    String expectedValue = "a JSON value";
    while (true) {
      // pos is at the first byte of a value (whitespace already skipped).
      if (pos == to) throw endOfInput(pos, expectedValue);
      switch (src[pos]) {
        case '{' -> {
          if (depth == MAX_DEPTH) throw tooDeep(MAX_DEPTH, pos);
          isObject[depth >>> 6] |= 1L << depth;
          if (depth == slots.length) slots = Arrays.copyOf(slots, depth * 2);
          slots[depth] = index.open(pos);
          depth++;
          pos = skipWhitespace(src, pos + 1, to);
          if (pos < to && src[pos] == '}') {
            pos++;
            depth--;
            index.close(slots[depth], pos);
          } else {
            pos = member(src, pos, to, "'\"' (a property name) or '}'");
            expectedValue = "a JSON value";
            continue;
          }
        }
        case '[' -> {
          if (depth == MAX_DEPTH) throw tooDeep(MAX_DEPTH, pos);
          isObject[depth >>> 6] &= ~(1L << depth);
          if (depth == slots.length) slots = Arrays.copyOf(slots, depth * 2);
          slots[depth] = index.open(pos);
          depth++;
          pos = skipWhitespace(src, pos + 1, to);
          if (pos < to && src[pos] == ']') {
            pos++;
            depth--;
            index.close(slots[depth], pos);
          } else {
            expectedValue = "a JSON value or ']'";
            continue;
          }
        }
        case '"' -> pos = string(src, pos, to);
        case 't' -> pos = literal(src, pos, to, TRUE);
        case 'f' -> pos = literal(src, pos, to, FALSE);
        case 'n' -> pos = literal(src, pos, to, NULL);
        case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> pos = number(src, pos, to);
        default -> throw unexpected(src, pos, expectedValue);
      }
      // A value ended at pos: close containers until a ',' starts the next value.
      while (true) {
        pos = skipWhitespace(src, pos, to);
        if (depth == 0) {
          if (pos != to) {
            throw trailing(src[pos], pos);
          }
          return index;
        }
        boolean inObject = (isObject[(depth - 1) >>> 6] & (1L << (depth - 1))) != 0;
        String expected = inObject ? "',' or '}'" : "',' or ']'";
        if (pos == to) throw endOfInput(pos, expected);
        byte b = src[pos];
        if (b == ',') {
          pos = skipWhitespace(src, pos + 1, to);
          if (inObject) pos = member(src, pos, to, "'\"' (a property name)");
          expectedValue = "a JSON value";
          break;
        }
        if (b != (inObject ? '}' : ']')) throw unexpected(src, pos, expected);
        pos++;
        depth--;
        index.close(slots[depth], pos);
      }
    }
  }

  /** First index {@code >= pos} whose byte is not JSON whitespace; may return {@code to}. */
  static int skipWhitespace(byte[] src, int pos, int to) {
    while (pos < to) {
      byte b = src[pos];
      if (b > ' ' || (b != ' ' && b != '\n' && b != '\r' && b != '\t')) return pos;
      pos++;
    }
    return pos;
  }

  /**
   * Index just past the value whose first byte is at {@code pos}. The input must already be
   * validated: this only finds the end.
   */
  static int skipValue(byte[] src, int pos, int to) {
    byte b = src[pos];
    if (b == '"') return skipString(src, pos, to);
    if (b == '{' || b == '[') return skipContainer(src, pos, to);
    if (b == 't' || b == 'n') return pos + 4;
    if (b == 'f') return pos + 5;
    int i = pos + 1;
    while (i < to && NUMBER_BYTE[src[i] & 0xFF]) i++;
    return i;
  }

  /**
   * {@link #skipValue(byte[], int, int)} that looks containers up in {@code index} (from {@link
   * #index} over the same bytes) instead of scanning them.
   */
  static int skipValue(byte[] src, int pos, int to, ContainerIndex index) {
    byte b = src[pos];
    if (b == '{' || b == '[') {
      int end = index.endOf(pos);
      if (end >= 0) return end;
    }
    return skipValue(src, pos, to);
  }

  /** Index just past the string whose opening quote is at {@code pos} (validated input). */
  static int skipString(byte[] src, int pos, int to) {
    int i = pos + 1;
    while (true) {
      // Eight bytes at a time to the first '"' or '\\' (SWAR: see haszero below).
      while (i <= to - 8) {
        long word = (long) LONGS.get(src, i);
        long hits = haszero(word ^ QUOTES) | haszero(word ^ BACKSLASHES);
        if (hits != 0) {
          i += Long.numberOfTrailingZeros(hits) >>> 3;
          break;
        }
        i += 8;
      }
      if (i >= to) return to;
      byte b = src[i];
      if (b == '"') return i + 1;
      i += b == '\\' ? 2 : 1;
    }
  }

  /**
   * High bit set in each byte of the result that is zero in {@code word}, exact for the lowest zero
   * byte (higher bytes may show false hits after a borrow, so only the lowest hit is trusted).
   */
  private static long haszero(long word) {
    return (word - ONES) & ~word & HIGH_BITS;
  }

  /**
   * Like {@link #haszero}: flags the bytes of {@code word} that are '"', '\\', below 0x20 (the
   * subtraction borrows into the high bit) or 0x80 and above (high bit already set).
   */
  private static long needsAttention(long word) {
    return haszero(word ^ QUOTES)
        | haszero(word ^ BACKSLASHES)
        | ((word - ONES * 0x20) | word) & HIGH_BITS;
  }

  /**
   * True when the string whose opening quote is at {@code pos} contains a backslash before its
   * closing quote (validated input).
   */
  static boolean hasEscape(byte[] src, int pos, int to) {
    for (int i = pos + 1; i < to; i++) {
      byte b = src[i];
      if (b == '"') return false;
      if (b == '\\') return true;
    }
    return false;
  }

  private static int skipContainer(byte[] src, int pos, int to) {
    int depth = 1;
    int i = pos + 1;
    while (i < to) {
      byte kind = SKIP_CLASS[src[i] & 0xFF];
      if (kind == PLAIN) {
        i++;
      } else if (kind == STRING) {
        i = skipString(src, i, to);
      } else {
        i++;
        if (kind == OPEN) {
          depth++;
        } else if (--depth == 0) {
          return i;
        }
      }
    }
    return to;
  }

  /** Validates {@code "name" :} at pos; returns the start of the member's value. */
  private static int member(byte[] src, int pos, int to, String expected) {
    if (pos == to) throw endOfInput(pos, expected);
    if (src[pos] != '"') throw unexpected(src, pos, expected);
    pos = skipWhitespace(src, string(src, pos, to), to);
    if (pos == to) throw endOfInput(pos, "':'");
    if (src[pos] != ':') throw unexpected(src, pos, "':'");
    return skipWhitespace(src, pos + 1, to);
  }

  private static int string(byte[] src, int start, int to) {
    int i = start + 1;
    while (true) {
      // Plain printable ASCII eight bytes at a time, then byte by byte.
      while (i <= to - 8) {
        long word = (long) LONGS.get(src, i);
        long hits = needsAttention(word);
        if (hits != 0) {
          i += Long.numberOfTrailingZeros(hits) >>> 3;
          break;
        }
        i += 8;
      }
      while (i < to && STRING_CLASS[src[i] & 0xFF] == PLAIN) i++;
      if (i == to) {
        throw endOfInput(to, "'\"' to close the string that starts at byte " + start);
      }
      int b = src[i] & 0xFF;
      switch (STRING_CLASS[b]) {
        case QUOTE -> {
          return i + 1;
        }
        case BACKSLASH -> i = escape(src, i, to);
        case CONTROL -> throw controlCharacter(b, i, start);
        case LEAD2 -> i = utf8(src, i, to, 2, 0x80);
        case LEAD3 -> i = utf8(src, i, to, 3, 0x80);
        case LEAD_E0 -> i = utf8(src, i, to, 3, 0xA0);
        case LEAD_ED -> i = utf8(src, i, to, 3, 0x80);
        case LEAD4 -> i = utf8(src, i, to, 4, 0x80);
        case LEAD_F0 -> i = utf8(src, i, to, 4, 0x90);
        case LEAD_F4 -> i = utf8(src, i, to, 4, 0x80);
        default -> throw invalidUtf8Lead(b, i);
      }
    }
  }

  /** Checks the continuation bytes of the sequence led by src[lead]; the second must be >= low. */
  private static int utf8(byte[] src, int lead, int to, int length, int low) {
    int leadByte = src[lead] & 0xFF;
    int high = leadByte == 0xED ? 0x9F : leadByte == 0xF4 ? 0x8F : 0xBF;
    for (int k = 1; k < length; k++) {
      int at = lead + k;
      if (at == to) {
        throw endOfInput(at, "a UTF-8 continuation byte of the sequence at byte " + lead);
      }
      int c = src[at] & 0xFF;
      int lo = k == 1 ? low : 0x80;
      int hi = k == 1 ? high : 0xBF;
      if (c < lo || c > hi) throw invalidUtf8Continuation(leadByte, lead, c, at, k == 1);
    }
    return lead + length;
  }

  private static int escape(byte[] src, int backslash, int to) {
    int at = backslash + 1;
    if (at == to) throw endOfInput(at, "an escape character after '\\'");
    switch (src[at]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return at + 1;
      }
      case 'u' -> {
        for (int k = 1; k <= 4; k++) {
          int h = at + k;
          if (h == to) throw endOfInput(h, "a hex digit of the \\u escape at byte " + backslash);
          int c = src[h];
          boolean hex = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
          if (!hex) {
            throw unexpected(
                src, h, "a hex digit (0-9, a-f, A-F) of the \\u escape at byte " + backslash);
          }
        }
        return at + 5;
      }
      default -> throw invalidEscape(src[at], at);
    }
  }

  private static int number(byte[] src, int pos, int to) {
    int i = pos;
    if (src[i] == '-') i++;
    if (i == to) throw endOfInput(i, "a digit");
    int digitsStart = i;
    byte first = src[i];
    if (first == '0') {
      i++;
      if (i < to && isDigit(src[i])) {
        throw leadingZero(src[i], i);
      }
    } else if (first >= '1' && first <= '9') {
      i = digits(src, i + 1, to);
    } else {
      throw unexpected(src, i, "a digit");
    }
    // Digits counted as Jackson's StreamReadConstraints count them (sign, '.', 'e' not included).
    int counted = i - digitsStart;
    if (i < to && src[i] == '.') {
      int fraction = i + 1;
      i = requiredDigits(src, fraction, to, "a digit after '.'");
      counted += i - fraction;
    }
    if (i < to && (src[i] | 0x20) == 'e') {
      i++;
      if (i < to && (src[i] == '+' || src[i] == '-')) i++;
      int exponent = i;
      i = requiredDigits(src, exponent, to, "a digit in the exponent");
      counted += i - exponent;
    }
    if (counted > MAX_NUMBER_LENGTH) throw tooLong(counted, MAX_NUMBER_LENGTH, pos);
    return i;
  }

  private static int requiredDigits(byte[] src, int i, int to, String expected) {
    if (i == to) throw endOfInput(i, expected);
    if (!isDigit(src[i])) throw unexpected(src, i, expected);
    return digits(src, i + 1, to);
  }

  private static int digits(byte[] src, int i, int to) {
    while (i < to && isDigit(src[i])) i++;
    return i;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static int literal(byte[] src, int pos, int to, byte[] word) {
    for (int k = 1; k < word.length; k++) {
      int at = pos + k;
      if (at == to) throw endOfInput(at, quoted(word));
      if (src[at] != word[k]) throw unexpected(src, at, quoted(word));
    }
    return pos + word.length;
  }

  private static String quoted(byte[] word) {
    return "'" + new String(word, StandardCharsets.US_ASCII) + "'";
  }
}
