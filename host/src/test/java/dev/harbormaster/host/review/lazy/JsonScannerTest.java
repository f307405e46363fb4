package dev.harbormaster.host.review.lazy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonScannerTest {
  /** Jackson 3 with its defaults is the reference parser (FAIL_ON_TRAILING_TOKENS is on). */
  private static final JsonMapper JACKSON = JsonMapper.builder().build();

  /** Hand-written documents covering every value shape; the fixtures are added to these. */
  private static final List<String> HAND_WRITTEN =
      List.of(
          """
          {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"checkout",
           "namespace":"shop","labels":{"app.kubernetes.io/name":"checkout","tier":"web"},
           "annotations":{"description":"Kasse \u00fcber alles \u2013 \u65e5\u672c\u8a9e \ud83d\ude80",
            "escaped":"tab\\there \\"quoted\\" back\\\\slash \\/ \\b\\f\\n\\r \\u00e9\\u20AC\\ud83d\\ude00",
            "lone-surrogate-escape":"\\ud800 and \\uDFFF","nul-escape":"a\\u0000b","del":"\u007f"},
           "generation":7,"resourceVersion":"123456"},
           "spec":{"replicas":3,"paused":false,"progressDeadlineSeconds":600,"minReadySeconds":0,
            "template":{"spec":{"containers":[{"name":"app","image":"registry.example.com/shop/checkout:1.2.3",
             "resources":{"limits":{"cpu":0.5,"memory":"512Mi"}},"args":[],"env":[{"name":"X","value":""}]}]}},
            "numbers":[0,-0,1,-1,12345678901234567890123,0.5,-0.0,1e3,1E+3,1e-3,-1.25E-10,6.02e23,0e0],
            "nested":[[],[[]],{},[{}],{"a":[{"b":null}]}],"flags":[true,false,null]},
           "status":null}
          """,
          "  [ 1 , \"two\" , { \"three\" : [ 3 ] } , true , false , null ]\r\n\t",
          "{}",
          "[]",
          "{\"\":\"\"}",
          "[\"\\\\\",\"\\\"\",\"a\\\\\\\"b\"]",
          "{\"a\":{\"b\":{\"c\":{\"d\":[[[[\"deep\"]]]]}}}}",
          "[-0.0e-0,123.456e+78,9,10,-9e9]",
          "[\"\u0080\u07ff\u0800\uffff\ud800\udc00\udbff\udfff\u00a0\ufeff\"]");

  private static List<byte[]> corpus() {
    List<byte[]> corpus = new ArrayList<>();
    HAND_WRITTEN.forEach(doc -> corpus.add(doc.getBytes(UTF_8)));
    corpus.addAll(fixtures());
    return corpus;
  }

  /** Every *.json test resource of the host module (admission reviews, JSON patches). */
  private static List<byte[]> fixtures() {
    try {
      Path root = Path.of(JsonScannerTest.class.getClassLoader().getResource("reviews").toURI());
      try (Stream<Path> files = Files.walk(root.getParent())) {
        List<byte[]> found = new ArrayList<>();
        for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          found.add(Files.readAllBytes(file));
        }
        assertThat(found).as("JSON fixtures under %s", root.getParent()).hasSizeGreaterThan(10);
        return found;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void validatesEveryCorpusDocument_thatJacksonAlsoAccepts() {
    for (byte[] doc : corpus()) {
      assertThat(jacksonAccepts(doc)).as(new String(doc, UTF_8)).isTrue();
      JsonScanner.validate(doc, 0, doc.length);
    }
  }

  @Test
  void skipValue_endsEveryValueWhereJacksonEndsIt() {
    int checked = 0;
    for (byte[] doc : corpus()) {
      Deque<Integer> open = new ArrayDeque<>();
      try (JsonParser parser = JACKSON.createParser(doc)) {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
          int start = (int) parser.currentTokenLocation().getByteOffset();
          if (token == JsonToken.PROPERTY_NAME) {
            assertPropertyName(doc, start, parser.currentName());
          } else if (token.isStructStart()) {
            open.push(start);
          } else {
            // Jackson reads string values lazily: finishing the token moves past the closing quote.
            parser.finishToken();
            int end = (int) parser.currentLocation().getByteOffset();
            if (token.isStructEnd()) start = open.pop();
            assertThat(JsonScanner.skipValue(doc, start, doc.length))
                .as("end of the value ending with %s at byte %d", token, start)
                .isEqualTo(end);
            if (token == JsonToken.VALUE_STRING) {
              assertThat(JsonScanner.skipString(doc, start, doc.length)).isEqualTo(end);
              assertThat(JsonScanner.hasEscape(doc, start, doc.length))
                  .as("escape in string at byte %d", start)
                  .isEqualTo(!utf8(doc, start + 1, end - 1).equals(parser.getString()));
            }
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  /** A property name is a string followed by ':'; Jackson does not report where the name ends. */
  private static void assertPropertyName(byte[] doc, int start, String name) {
    assertThat(doc[start]).isEqualTo((byte) '"');
    int end = JsonScanner.skipString(doc, start, doc.length);
    assertThat(doc[JsonScanner.skipWhitespace(doc, end, doc.length)]).isEqualTo((byte) ':');
    assertThat(JsonScanner.skipValue(doc, start, doc.length)).isEqualTo(end);
    assertThat(JsonScanner.hasEscape(doc, start, doc.length))
        .as("escape in property name %s", name)
        .isEqualTo(!utf8(doc, start + 1, end - 1).equals(name));
  }

  @Test
  void skipValue_stopsAtTheEndOfTheGivenRange_andIgnoresBracketsInStrings() {
    byte[] src = "xx{\"a]}\":\"}\\\"]\",\"b\":[1,{\"c\":\"[\"}]}yy".getBytes(UTF_8);
    int end = src.length - 2;
    JsonScanner.validate(src, 2, end);
    assertThat(JsonScanner.skipValue(src, 2, end)).isEqualTo(end);
    byte[] number = "[-12.5e+3]".getBytes(UTF_8);
    assertThat(JsonScanner.skipValue(number, 1, 9)).isEqualTo(9);
    assertThat(JsonScanner.skipValue(number, 1, 4)).isEqualTo(4);
  }

  /** The word-at-a-time loops must find the first special byte at every offset and length. */
  @Test
  void findsTheFirstSpecialByte_atEveryAlignment() {
    for (int length = 0; length < 40; length++) {
      for (int at = 0; at < length; at++) {
        for (String special : List.of("\\\\", "\\\"", "\u00e9", "\ud83d\ude80")) {
          char[] plain = new char[length];
          Arrays.fill(plain, 'a');
          String content = new String(plain, 0, at) + special + new String(plain, at, length - at);
          byte[] src = ("[\"" + content + "\",1]").getBytes(UTF_8);
          int end = src.length - 3;
          JsonScanner.validate(src, 0, src.length);
          assertThat(JsonScanner.skipString(src, 1, src.length)).isEqualTo(end);
          assertThat(JsonScanner.skipValue(src, 0, src.length)).isEqualTo(src.length);
          assertThat(JsonScanner.hasEscape(src, 1, src.length)).isEqualTo(special.startsWith("\\"));
        }
        byte[] control =
            ("\"" + "a".repeat(at) + "\u0001" + "a".repeat(length - at) + "\"").getBytes(UTF_8);
        assertError(
            control,
            0,
            control.length,
            1 + at,
            "unescaped control character 0x01 at byte "
                + (1 + at)
                + " in the string that starts at byte 0, expected it escaped as \\n, \\r, \\t or \\u00XX");
        byte[] cut = ("\"" + "a".repeat(length)).getBytes(UTF_8);
        assertThat(JsonScanner.skipString(cut, 0, cut.length)).isEqualTo(cut.length);
        assertThat(JsonScanner.hasEscape(cut, 0, cut.length)).isFalse();
      }
    }
  }

  @Test
  void skipWhitespace_skipsOnlyTheFourJsonWhitespaceBytes() {
    byte[] src = " \t\r\n\u000b x".getBytes(ISO_8859_1);
    assertThat(JsonScanner.skipWhitespace(src, 0, src.length)).isEqualTo(4);
    assertThat(JsonScanner.skipWhitespace(src, 5, src.length)).isEqualTo(6);
    assertThat(JsonScanner.skipWhitespace(src, 0, 2)).isEqualTo(2);
  }

  @Test
  void hasEscape_looksOnlyInsideTheString() {
    byte[] src = "[\"plain\",\"a\\\\b\",\"\"]".getBytes(UTF_8);
    assertThat(JsonScanner.hasEscape(src, 1, src.length)).isFalse();
    assertThat(JsonScanner.hasEscape(src, 9, src.length)).isTrue();
    assertThat(JsonScanner.hasEscape(src, 16, src.length)).isFalse();
  }

  @Test
  void validate_reportsAbsoluteOffsets_whenScanningASubRange() {
    byte[] src = "garbage[1,2]garbage".getBytes(UTF_8);
    JsonScanner.validate(src, 7, 12);
    assertError(src, 7, 11, 11, "unexpected end of input at byte 11, expected ',' or ']'");
  }

  // ---- error messages: offsets are absolute indexes into the array --------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "[1,]                | 3 | unexpected character ']' at byte 3, expected a JSON value",
        "[1 2]               | 3 | unexpected character '2' at byte 3, expected ',' or ']'",
        "{\"a\":1 \"b\":2}     | 7 | unexpected character '\"' at byte 7, expected ',' or '}'",
        "{\"a\" 1}            | 5 | unexpected character '1' at byte 5, expected ':'",
        "{1:2}               | 1 | unexpected character '1' at byte 1, expected '\"' (a property name) or '}'",
        "{\"a\":1,}           | 7 | unexpected character '}' at byte 7, expected '\"' (a property name)",
        "[}                  | 1 | unexpected character '}' at byte 1, expected a JSON value or ']'",
        "{\"a\":1]            | 6 | unexpected character ']' at byte 6, expected ',' or '}'",
        "'a'                 | 0 | unexpected character ''' at byte 0, expected a JSON value",
        "[NaN]               | 1 | unexpected character 'N' at byte 1, expected a JSON value or ']'",
        "[1,/*c*/2]          | 3 | unexpected character '/' at byte 3, expected a JSON value",
      })
  void unexpectedCharacter_namesTheCharacterOffsetAndExpectation(
      String json, int offset, String message) {
    assertError(json, offset, message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "[                | 1 | unexpected end of input at byte 1, expected a JSON value or ']'",
        "[1,              | 3 | unexpected end of input at byte 3, expected a JSON value",
        "{\"a\":[1]       | 8 | unexpected end of input at byte 8, expected ',' or '}'",
        "{\"a\"           | 4 | unexpected end of input at byte 4, expected ':'",
        "{\"a\":          | 5 | unexpected end of input at byte 5, expected a JSON value",
        "{                | 1 | unexpected end of input at byte 1, expected '\"' (a property name) or '}'",
        "[\"abc           | 5 | unexpected end of input at byte 5, expected '\"' to close the string that starts at byte 1",
        "\"a\\            | 3 | unexpected end of input at byte 3, expected an escape character after '\\'",
        "\"\\u12          | 5 | unexpected end of input at byte 5, expected a hex digit of the \\u escape at byte 1",
      })
  void endOfInput_namesTheOffsetAndExpectation(String json, int offset, String message) {
    assertError(json, offset, message);
  }

  @Test
  void emptyInput_isRejected() {
    assertError("", 0, "empty input at byte 0, expected a JSON value");
    assertError(" \r\n\t ", 5, "empty input at byte 5, expected a JSON value");
  }

  @Test
  void trailingContent_isRejected() {
    assertError(
        "{} x",
        3,
        "trailing content at byte 3: character 'x' after the end of the JSON value,"
            + " expected the end of input");
    assertError(
        "[1]]",
        3,
        "trailing content at byte 3: character ']' after the end of the JSON value,"
            + " expected the end of input");
    assertError(
        "1 2",
        2,
        "trailing content at byte 2: character '2' after the end of the JSON value,"
            + " expected the end of input");
    assertError(
        "\"a\"\u0000",
        3,
        "trailing content at byte 3: byte 0x00 after the end of the JSON value,"
            + " expected the end of input");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "\"\\x\"      | 2 | invalid escape: character 'x' at byte 2 after '\\', expected one of \" \\ / b f n r t u",
        "\"\\U0041\"  | 2 | invalid escape: character 'U' at byte 2 after '\\', expected one of \" \\ / b f n r t u",
        "\"\\'\"      | 2 | invalid escape: character ''' at byte 2 after '\\', expected one of \" \\ / b f n r t u",
        "\"\\u00g0\"  | 5 | unexpected character 'g' at byte 5, expected a hex digit (0-9, a-f, A-F) of the \\u escape at byte 1",
        "\"\\u12\"    | 5 | unexpected character '\"' at byte 5, expected a hex digit (0-9, a-f, A-F) of the \\u escape at byte 1",
      })
  void badEscape_namesTheEscapeCharacter(String json, int offset, String message) {
    assertError(json, offset, message);
  }

  @Test
  void controlCharacterInString_mustBeEscaped() {
    assertError(
        "[\"a\nb\"]",
        3,
        "unescaped control character 0x0A at byte 3 in the string that starts at byte 1,"
            + " expected it escaped as \\n, \\r, \\t or \\u00XX");
    assertError(
        "{\"k\u0000\":1}",
        3,
        "unescaped control character 0x00 at byte 3 in the string that starts at byte 1,"
            + " expected it escaped as \\n, \\r, \\t or \\u00XX");
    JsonScanner.validate(bytes("\"\u007f\""), 0, 3); // DEL is not a control character in JSON
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // overlong C0 80 (U+0000 in two bytes)
        "\"\u00c0\u0080\"  | 1 | invalid UTF-8 byte 0xC0 at byte 1 in a string (overlong encoding)",
        // lone continuation byte
        "\"a\u0080\"       | 2 | invalid UTF-8 byte 0x80 at byte 2 in a string (a continuation byte without a lead byte)",
        // truncated E2 82 (U+20AC without its last byte) followed by the closing quote
        "\"\u00e2\u0082\"  | 3 | invalid UTF-8 byte 0x22 at byte 3 in the sequence starting with 0xE2 at byte 1 (expected a continuation byte 0x80-0xBF)",
        // U+D800 encoded in UTF-8
        "\"\u00ed\u00a0\u0080\" | 2 | invalid UTF-8 byte 0xA0 at byte 2 in the sequence starting with 0xED at byte 1 (a UTF-16 surrogate encoded in UTF-8)",
        // lead bytes F5..FF can only start code points above U+10FFFF
        "\"\u00f5\u0080\u0080\u0080\" | 1 | invalid UTF-8 byte 0xF5 at byte 1 in a string (not a UTF-8 lead byte (above U+10FFFF))",
        "\"\u00ff\"        | 1 | invalid UTF-8 byte 0xFF at byte 1 in a string (not a UTF-8 lead byte (above U+10FFFF))",
        // F4 90 80 80 = U+110000
        "\"\u00f4\u0090\u0080\u0080\" | 2 | invalid UTF-8 byte 0x90 at byte 2 in the sequence starting with 0xF4 at byte 1 (a code point above U+10FFFF)",
        // overlong three- and four-byte forms
        "\"\u00e0\u0080\u0080\" | 2 | invalid UTF-8 byte 0x80 at byte 2 in the sequence starting with 0xE0 at byte 1 (overlong encoding)",
        "\"\u00f0\u0080\u0080\u0080\" | 2 | invalid UTF-8 byte 0x80 at byte 2 in the sequence starting with 0xF0 at byte 1 (overlong encoding)",
        // a third byte that is not a continuation byte
        "\"\u00f0\u009f\u0098x\" | 4 | invalid UTF-8 byte 0x78 at byte 4 in the sequence starting with 0xF0 at byte 1 (expected a continuation byte 0x80-0xBF)",
        // a truncated sequence at the end of the input
        "\"\u00e2\u0082    | 3 | unexpected end of input at byte 3, expected a UTF-8 continuation byte of the sequence at byte 1",
        // outside a string any byte >= 0x80 is just unexpected
        "[\u00c3\u00a9]    | 1 | unexpected byte 0xC3 at byte 1, expected a JSON value or ']'",
      })
  void invalidUtf8_namesTheByteAndWhy(String latin1, int offset, String message) {
    assertError(latin1, offset, message);
  }

  @Test
  void wellFormedUtf8Boundaries_areAccepted() {
    // U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF
    String json = "\"\u0080\u07ff\u0800\ud7ff\ue000\uffff\ud800\udc00\udbff\udfff\"";
    byte[] src = json.getBytes(UTF_8);
    JsonScanner.validate(src, 0, src.length);
    assertThat(JsonScanner.skipString(src, 0, src.length)).isEqualTo(src.length);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "01      | 1 | unexpected character '1' at byte 1 after a leading '0', expected '.', 'e', or the end of the number (leading zeros are not allowed)",
        "[-00]   | 3 | unexpected character '0' at byte 3 after a leading '0', expected '.', 'e', or the end of the number (leading zeros are not allowed)",
        "1.      | 2 | unexpected end of input at byte 2, expected a digit after '.'",
        "[1.e5]  | 3 | unexpected character 'e' at byte 3, expected a digit after '.'",
        ".5      | 0 | unexpected character '.' at byte 0, expected a JSON value",
        "-       | 1 | unexpected end of input at byte 1, expected a digit",
        "[-a]    | 2 | unexpected character 'a' at byte 2, expected a digit",
        "+1      | 0 | unexpected character '+' at byte 0, expected a JSON value",
        "1e      | 2 | unexpected end of input at byte 2, expected a digit in the exponent",
        "[1e+]   | 4 | unexpected character ']' at byte 4, expected a digit in the exponent",
        "0x10    | 1 | trailing content at byte 1: character 'x' after the end of the JSON value, expected the end of input",
        "[1.5.2] | 4 | unexpected character '.' at byte 4, expected ',' or ']'",
      })
  void badNumber_isRejected(String json, int offset, String message) {
    assertError(json, offset, message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "tru     | 3 | unexpected end of input at byte 3, expected 'true'",
        "[nul]   | 4 | unexpected character ']' at byte 4, expected 'null'",
        "[fals ] | 5 | unexpected byte 0x20 at byte 5, expected 'false'",
        "True    | 0 | unexpected character 'T' at byte 0, expected a JSON value",
        "[truex] | 5 | unexpected character 'x' at byte 5, expected ',' or ']'",
      })
  void badLiteral_isRejected(String json, int offset, String message) {
    assertError(json, offset, message);
  }

  @Test
  void nestingUpToJacksonsLimit_isAccepted_andOneDeeperIsRejectedLikeJackson() {
    assertThat(JsonScanner.MAX_DEPTH).isEqualTo(500);
    byte[] deepest = nested(JsonScanner.MAX_DEPTH);
    JsonScanner.validate(deepest, 0, deepest.length);
    assertThat(jacksonAccepts(deepest)).isTrue();
    assertThat(JsonScanner.skipValue(deepest, 0, deepest.length)).isEqualTo(deepest.length);

    byte[] tooDeep = nested(JsonScanner.MAX_DEPTH + 1);
    assertThat(jacksonAccepts(tooDeep)).isFalse();
    assertError(tooDeep, 0, tooDeep.length, 1500, "nesting deeper than 500 at byte 1500");
  }

  @Test
  void hundredThousandOpenBrackets_failOnDepth_notWithStackOverflow() {
    byte[] src = new byte[100_000];
    Arrays.fill(src, (byte) '[');
    assertError(src, 0, src.length, 500, "nesting deeper than 500 at byte 500");
    byte[] objects = "{\"a\":".repeat(100_000).getBytes(UTF_8);
    assertError(objects, 0, objects.length, 2500, "nesting deeper than 500 at byte 2500");
  }

  /** Arrays and objects alternating, depth levels deep, around a 0. */
  private static byte[] nested(int depth) {
    StringBuilder json = new StringBuilder();
    for (int d = 0; d < depth; d++) json.append(d % 2 == 0 ? "[" : "{\"k\":");
    json.append('0');
    for (int d = depth - 1; d >= 0; d--) json.append(d % 2 == 0 ? "]" : "}");
    return json.toString().getBytes(UTF_8);
  }

  /**
   * RFC 8259 allows numbers of any length; Jackson's default StreamReadConstraints reject numbers
   * longer than 1000 characters, and the lazy tree hands numbers to Jackson: so the scanner rejects
   * them too, as a 400, rather than letting an instance fail when it reads one.
   */
  @Test
  void numbersUpToJacksonsLimit_areAccepted_andLongerOnesRejectedLikeJackson() {
    for (String longest : List.of("9".repeat(1000), "-" + "9".repeat(1000))) {
      byte[] src = ("[" + longest + "]").getBytes(UTF_8);
      JsonScanner.validate(src, 0, src.length);
      assertThat(jacksonAccepts(src)).isTrue();
    }

    byte[] tooLong = ("[-" + "9".repeat(1001) + "]").getBytes(UTF_8);
    assertThat(jacksonAccepts(tooLong)).isFalse();
    assertError(
        tooLong,
        0,
        tooLong.length,
        1,
        "number with 1001 digits at byte 1, more than the 1000 allowed");
  }

  /**
   * The documented differences to Jackson 3's defaults, pinned so that a Jackson upgrade that
   * changes them shows up here (and the matching Divergence class can be dropped).
   */
  @Test
  void jacksonDifferences_areTheDocumentedOnes() {
    // Jackson decodes overlong forms and code points above U+10FFFF inside string values.
    for (String latin1 :
        List.of("\"\u00c0\u0080\"", "\"\u00e0\u0080\u0080\"", "\"\u00f4\u0090\u0080\u0080\"")) {
      assertThat(jacksonAccepts(bytes(latin1))).as(latin1).isTrue();
      assertThat(scannerAccepts(bytes(latin1))).as(latin1).isFalse();
      assertThat(divergence(bytes(latin1))).isEqualTo(Divergence.JACKSON_LENIENT_UTF8);
    }
    // Jackson skips a byte order mark (RFC 8259 section 8.1 allows either; the scanner rejects it,
    // since kube-apiserver never sends one and the lazy tree starts at the first JSON byte).
    byte[] bom = bytes("\u00ef\u00bb\u00bf{}");
    assertThat(jacksonAccepts(bom)).isTrue();
    assertError(bom, 0, bom.length, 0, "unexpected byte 0xEF at byte 0, expected a JSON value");
    assertThat(divergence(bom)).isEqualTo(Divergence.ENCODING_DETECTION);
    // Jackson reads an empty body as a missing node; RFC 8259 needs a value.
    assertThat(JACKSON.readTree(new byte[0]).isMissingNode()).isTrue();
    assertThat(divergence(bytes(" \n"))).isEqualTo(Divergence.EMPTY);
    // Both accept what RFC 8259 allows but a strict reader might not: escaped NUL, lone escaped
    // surrogates, raw DEL and the noncharacter U+FFFF.
    for (String json :
        List.of("\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\u007f\"", "\"\uffff\"")) {
      byte[] src = json.getBytes(UTF_8);
      assertThat(jacksonAccepts(src)).as(json).isTrue();
      assertThat(scannerAccepts(src)).as(json).isTrue();
    }
  }

  // ---- differential fuzzing against Jackson ---------------------------------------------------

  private static final byte[] INTERESTING =
      bytes(
          "\"\\{}[],:0123456789-+.eEtrufalsn \t\r\nxu/\u0000\u001f\u007f\u0080\u00bf\u00c0\u00c2"
              + "\u00df\u00e0\u00e2\u00ed\u00ef\u00f0\u00f4\u00f5\u00ff\u00a0\u009f\u008f\u0090");

  /** Why an input is left out of the Jackson comparison; each class is asserted on its own. */
  enum Divergence {
    /** Only whitespace: Jackson's readTree answers a missing node, RFC 8259 needs a value. */
    EMPTY,
    /**
     * A UTF-8 byte order mark or a 0x00 in the first four bytes: Jackson skips the mark or detects
     * UTF-16/32; RFC 8259 section 8.1 requires UTF-8 without a byte order mark.
     */
    ENCODING_DETECTION,
    /**
     * An overlong form (C0/C1 xx, E0 80-9F, F0 80-8F) or a code point above U+10FFFF (F4 90-BF,
     * F5-FF): Jackson decodes these inside string values; RFC 3629 forbids them.
     */
    JACKSON_LENIENT_UTF8,
    NONE
  }

  static Divergence divergence(byte[] src) {
    if (JsonScanner.skipWhitespace(src, 0, src.length) == src.length) return Divergence.EMPTY;
    if (src.length >= 3 && (src[0] & 0xFF) == 0xEF && (src[1] & 0xFF) == 0xBB) {
      return Divergence.ENCODING_DETECTION;
    }
    for (int i = 0; i < Math.min(4, src.length); i++) {
      if (src[i] == 0) return Divergence.ENCODING_DETECTION;
    }
    for (int i = 0; i < src.length; i++) {
      int b = src[i] & 0xFF;
      int next = i + 1 < src.length ? src[i + 1] & 0xFF : -1;
      boolean lenient =
          b == 0xC0
              || b == 0xC1
              || b >= 0xF5
              || (b == 0xE0 && next >= 0x80 && next < 0xA0)
              || (b == 0xF0 && next >= 0x80 && next < 0x90)
              || (b == 0xF4 && next >= 0x90 && next < 0xC0);
      if (lenient) return Divergence.JACKSON_LENIENT_UTF8;
    }
    return Divergence.NONE;
  }

  /** Mutants checked against Jackson, one fixed seed each (about a second in all). */
  private static final int CASES = 8000;

  @Test
  void randomMutations_areAcceptedExactlyWhenJacksonAcceptsThem() {
    List<byte[]> corpus = corpus();
    int[] seen = new int[Divergence.values().length];
    int accepted = 0;
    for (long seed = 1; seed <= CASES; seed++) {
      Random random = new Random(seed);
      byte[] doc = corpus.get(random.nextInt(corpus.size()));
      byte[] mutant = mutate(doc, random);
      Divergence divergence = divergence(mutant);
      seen[divergence.ordinal()]++;
      boolean ours = scannerAccepts(mutant);
      if (divergence == Divergence.NONE) {
        assertThat(ours)
            .as("seed %d: %s", seed, new String(mutant, ISO_8859_1))
            .isEqualTo(jacksonAccepts(mutant));
      } else {
        // Every excluded class is invalid per RFC 8259 / RFC 3629, whatever Jackson says.
        assertThat(ours).as("seed %d (%s)", seed, divergence).isFalse();
      }
      if (ours) {
        accepted++;
        assertThat(JsonScanner.skipValue(mutant, first(mutant), mutant.length))
            .isEqualTo(last(mutant));
      }
    }
    assertThat(accepted).as("mutants still valid").isGreaterThan(100);
    assertThat(CASES - accepted).as("mutants rejected").isGreaterThan(1000);
    assertThat(seen[Divergence.JACKSON_LENIENT_UTF8.ordinal()]).isGreaterThan(0);
  }

  private static int first(byte[] src) {
    return JsonScanner.skipWhitespace(src, 0, src.length);
  }

  private static int last(byte[] src) {
    int end = src.length;
    while (end > 0
        && (src[end - 1] == ' '
            || src[end - 1] == '\n'
            || src[end - 1] == '\r'
            || src[end - 1] == '\t')) {
      end--;
    }
    return end;
  }

  private static byte[] mutate(byte[] doc, Random random) {
    byte[] out = doc;
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = random.nextBoolean() ? random.nextInt(out.length + 1) : syntaxPosition(out, random);
      byte b =
          random.nextInt(4) == 0
              ? (byte) random.nextInt(256)
              : INTERESTING[random.nextInt(INTERESTING.length)];
      switch (random.nextInt(5)) {
        case 0 ->
            out = splice(out, at, Math.min(out.length, at + 1 + random.nextInt(3)), new byte[0]);
        case 1 -> out = splice(out, at, at, new byte[] {b});
        case 2 -> out = splice(out, at, Math.min(out.length, at + 1), new byte[] {b});
        case 3 -> out = Arrays.copyOf(out, at); // truncation
        default -> {
          // a small well-formed insertion, so more mutants stay valid and explore deeper paths
          String[] pieces = {"1", "\"\\u00e9\"", "[]", "{}", "\u00e9", "-0.5e-3", ",", " "};
          out = splice(out, at, at, pieces[random.nextInt(pieces.length)].getBytes(UTF_8));
        }
      }
      if (out.length == 0) break;
    }
    return out;
  }

  /** A random position at or just after a byte where the grammar branches (numbers, strings...). */
  private static int syntaxPosition(byte[] src, Random random) {
    int start = random.nextInt(src.length + 1);
    for (int i = start; i < src.length; i++) {
      if (SYNTAX.indexOf(src[i]) >= 0) return i + random.nextInt(2);
    }
    return start;
  }

  private static final String SYNTAX = "0123456789-+.eE\\\"{}[]:,tfn";

  private static byte[] splice(byte[] src, int from, int to, byte[] insert) {
    byte[] out = new byte[src.length - (to - from) + insert.length];
    System.arraycopy(src, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(src, to, out, from + insert.length, src.length - to);
    return out;
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static boolean jacksonAccepts(byte[] src) {
    try {
      JsonNode tree = JACKSON.readTree(src);
      return tree != null && !tree.isMissingNode();
    } catch (JacksonException e) {
      return false;
    }
  }

  private static boolean scannerAccepts(byte[] src) {
    try {
      JsonScanner.validate(src, 0, src.length);
      return true;
    } catch (JsonSyntaxException e) {
      return false;
    }
  }

  private static String utf8(byte[] src, int from, int to) {
    return new String(src, from, to - from, UTF_8);
  }

  /** Characters U+0000..U+00FF as the bytes 0x00..0xFF, so tests can spell raw bytes. */
  private static byte[] bytes(String latin1) {
    return latin1.getBytes(ISO_8859_1);
  }

  private static void assertError(String latin1, long offset, String message) {
    byte[] src = bytes(latin1);
    assertError(src, 0, src.length, offset, message);
    if (divergence(src) == Divergence.NONE) {
      assertThat(jacksonAccepts(src)).as("Jackson rejects %s too", latin1).isFalse();
    }
  }

  private static void assertError(byte[] src, int from, int to, long offset, String message) {
    JsonSyntaxException error =
        catchThrowableOfType(JsonSyntaxException.class, () -> JsonScanner.validate(src, from, to));
    assertThat(error).as("validate must reject %s", new String(src, ISO_8859_1)).isNotNull();
    assertThat(error.getMessage()).isEqualTo(message);
    assertThat(error.offset()).isEqualTo(offset);
  }
}
