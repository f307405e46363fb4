package dev.harbormaster.docs.prose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string literals of production Java sources, so that a document quoting a message can be
 * checked against the code that emits it. Literals joined with {@code +} and nothing else between
 * them count as one ({@code "a" + "b"} is {@code "ab"}); escapes are resolved.
 */
final class SourceLiterals {
  private static final Pattern ADJACENT = Pattern.compile("\"\\s*\\+\\s*\"");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern PLACEHOLDER =
      Pattern.compile("<[^>]+>|\\[\\.\\.\\.]|\\(\\.\\.\\.\\)|'\\.\\.\\.'|\\.\\.\\.");
  private static final String EDGE_PUNCTUATION = "()[]{}:;,.'\"/ ";

  private final List<String> literals;

  private SourceLiterals(List<String> literals) {
    this.literals = List.copyOf(literals);
  }

  /** The literals of {@code sources}. */
  static SourceLiterals of(List<String> sources) {
    List<String> literals = new ArrayList<>();
    for (String source : sources) {
      Matcher m = LITERAL.matcher(ADJACENT.matcher(source).replaceAll(""));
      while (m.find()) {
        literals.add(unescape(m.group(1)));
      }
    }
    return new SourceLiterals(literals);
  }

  /** The literals of the production sources ({@code src/main/java}) below the given roots. */
  static SourceLiterals production(Path root, String... dirs) {
    List<String> sources = new ArrayList<>();
    for (String dir : dirs) {
      for (Path file : Checkout.files(root.resolve(dir), ".java")) {
        if (file.toString().replace('\\', '/').contains("/src/main/java/")) {
          sources.add(Checkout.read(file));
        }
      }
    }
    return new SourceLiterals(of(sources).literals);
  }

  /**
   * The fixed parts of a quoted message: the text between placeholders ({@code <name>}, {@code
   * ...}, {@code [...]}, {@code (...)}, {@code '...'}), trimmed of punctuation at their edges, and
   * only those with at least three letters.
   */
  static List<String> fixedParts(String message) {
    List<String> parts = new ArrayList<>();
    for (String part : PLACEHOLDER.split(message)) {
      String trimmed = trim(part);
      if (trimmed.chars().filter(Character::isLetter).count() >= 3) {
        parts.add(trimmed);
      }
    }
    return parts;
  }

  /** The fixed parts of {@code message} that no literal contains. */
  List<String> missingParts(String message) {
    return fixedParts(message).stream()
        .filter(part -> literals.stream().noneMatch(l -> l.contains(part)))
        .toList();
  }

  int size() {
    return literals.size();
  }

  private static String trim(String part) {
    int start = 0;
    int end = part.length();
    while (start < end && EDGE_PUNCTUATION.indexOf(part.charAt(start)) >= 0) start++;
    while (end > start && EDGE_PUNCTUATION.indexOf(part.charAt(end - 1)) >= 0) end--;
    return part.substring(start, end);
  }

  private static String unescape(String literal) {
    StringBuilder out = new StringBuilder(literal.length());
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < literal.length()) {
        char next = literal.charAt(++i);
        out.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> next;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
