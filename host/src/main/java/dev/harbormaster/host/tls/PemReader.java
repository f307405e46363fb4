package dev.harbormaster.host.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits PEM text into blocks as <a href="https://www.rfc-editor.org/rfc/rfc7468">RFC 7468</a>
 * describes: text outside blocks is ignored, the END label must match the BEGIN label, and the
 * base64 body may be wrapped at any width. Legacy <a
 * href="https://www.rfc-editor.org/rfc/rfc1421#section-4.4">RFC 1421</a> headers are kept so that
 * old-style encrypted keys can be recognised. A block without an END line (a half-written file) or
 * with bad base64 is an error naming the file and the line.
 */
final class PemReader {
  private static final Pattern BEGIN = Pattern.compile("^-----BEGIN ([^-]*)-----\\s*$");
  private static final Pattern END = Pattern.compile("^-----END ([^-]*)-----\\s*$");
  private static final Pattern HEADER = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*):\\s*(.*)$");

  private PemReader() {}

  /** The blocks of {@code bytes}, read from {@code file} (named in errors). */
  static List<PemBlock> read(Path file, byte[] bytes) {
    String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\r?\n|\r", -1);
    List<PemBlock> blocks = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      Matcher begin = BEGIN.matcher(lines[i].strip());
      if (!begin.matches()) {
        i++;
        continue;
      }
      String label = begin.group(1);
      int beginLine = i + 1;
      Map<String, String> headers = new LinkedHashMap<>();
      StringBuilder base64 = new StringBuilder();
      boolean ended = false;
      for (i++; i < lines.length; i++) {
        String line = lines[i].strip();
        Matcher end = END.matcher(line);
        if (end.matches()) {
          if (!end.group(1).equals(label)) {
            throw new TlsMaterialException(
                file,
                "PEM block '%s' at line %d ends with '%s' at line %d"
                    .formatted(label, beginLine, end.group(1), i + 1));
          }
          ended = true;
          i++;
          break;
        }
        Matcher header = HEADER.matcher(line);
        if (base64.isEmpty() && header.matches()) {
          headers.put(header.group(1), header.group(2));
        } else {
          base64.append(line);
        }
      }
      if (!ended) {
        throw new TlsMaterialException(
            file,
            "PEM block '%s' at line %d has no END line (is the file truncated or still being written?)"
                .formatted(label, beginLine));
      }
      blocks.add(new PemBlock(label, headers, decode(file, label, beginLine, base64), beginLine));
    }
    return List.copyOf(blocks);
  }

  private static byte[] decode(Path file, String label, int line, CharSequence base64) {
    try {
      byte[] der = Base64.getDecoder().decode(base64.toString());
      if (der.length == 0) {
        throw new TlsMaterialException(
            file, "PEM block '%s' at line %d is empty".formatted(label, line));
      }
      return der;
    } catch (IllegalArgumentException e) {
      throw new TlsMaterialException(
          file,
          "PEM block '%s' at line %d is not valid base64: %s"
              .formatted(label, line, e.getMessage()));
    }
  }
}
