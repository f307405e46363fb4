package dev.harbormaster.docs.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Javadoc text (inline tags, a little HTML) into one line of Markdown, and finds the literals
 * it quotes with {@code {@code ...}}.
 *
 * @see <a
 *     href="https://docs.oracle.com/en/java/javase/21/docs/specs/javadoc/doc-comment-spec.html">
 *     Javadoc comment specification</a>
 */
final class JavadocText {
  private static final Pattern INLINE = Pattern.compile("\\{@(code|literal|link|linkplain)\\s");
  private static final Pattern ANCHOR =
      Pattern.compile("<a\\s+href=\"([^\"]*)\"\\s*>(.*?)</a>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

  private JavadocText() {}

  /** The text as Markdown on one line: code in backticks, links by their label, no HTML. */
  static String toMarkdown(String javadoc) {
    StringBuilder out = new StringBuilder();
    Matcher m = INLINE.matcher(javadoc);
    int at = 0;
    while (m.find(at)) {
      out.append(plain(javadoc.substring(at, m.start())));
      int end = closingBrace(javadoc, m.end());
      String body = javadoc.substring(m.end(), end).strip();
      out.append(
          switch (m.group(1)) {
            case "code", "literal" -> code(body);
            default -> code(linkLabel(body));
          });
      at = end + 1;
    }
    out.append(plain(javadoc.substring(at)));
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  /** The contents of every {@code {@code ...}} in the text, in order. */
  static List<String> codeLiterals(String javadoc) {
    List<String> literals = new ArrayList<>();
    Matcher m = INLINE.matcher(javadoc);
    int at = 0;
    while (m.find(at)) {
      int end = closingBrace(javadoc, m.end());
      if (m.group(1).equals("code")) {
        literals.add(javadoc.substring(m.end(), end).strip());
      }
      at = end + 1;
    }
    return literals;
  }

  private static int closingBrace(String text, int from) {
    int depth = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') depth++;
      if (c == '}' && --depth == 0) return i;
    }
    throw new IllegalArgumentException("unbalanced inline tag in Javadoc: " + text);
  }

  /** {@code Type#member label} shows the label, else the member, else the simple type name. */
  private static String linkLabel(String target) {
    String[] parts = target.split("\\s+", 2);
    if (parts.length == 2) return parts[1];
    String ref = parts[0];
    int hash = ref.indexOf('#');
    if (hash >= 0) return ref.substring(hash + 1).replaceAll("\\(.*\\)", "");
    return ref.substring(ref.lastIndexOf('.') + 1);
  }

  private static String code(String body) {
    String text = body.replaceAll("\\s+", " ");
    String fence = text.contains("`") ? "``" : "`";
    return fence + (fence.length() == 2 ? " " + text + " " : text) + fence;
  }

  private static String plain(String html) {
    String linked =
        ANCHOR.matcher(html).replaceAll(r -> "[" + r.group(2) + "](" + r.group(1) + ")");
    return TAG.matcher(linked)
        .replaceAll(" ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
