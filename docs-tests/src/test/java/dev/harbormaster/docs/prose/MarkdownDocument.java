package dev.harbormaster.docs.prose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a GitHub-flavoured Markdown file the prose tests check: headings and the anchors
 * GitHub derives from them, links, inline code spans and fenced code blocks. Links and code spans
 * inside fenced blocks are not links or spans; links inside code spans are not links.
 *
 * @see <a href="https://github.github.com/gfm/">GitHub Flavored Markdown</a>
 */
final class MarkdownDocument {
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})\\s*([^`\\s]*).*$");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern INLINE_LINK =
      Pattern.compile("!?\\[([^\\]]*)]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_DEFINITION =
      Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
  private static final Pattern HTML_ANCHOR =
      Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

  /**
   * A link as written.
   *
   * @param target the link target, for example {@code ../README.md#quick-start}
   * @param line the 1-based line it is on
   */
  record Link(String target, int line) {}

  /**
   * A fenced code block.
   *
   * @param info the info string's first word ({@code sh}, {@code java}, empty when none)
   * @param lines the block's lines, without the fences
   * @param line the 1-based line of the opening fence
   */
  record CodeBlock(String info, List<String> lines, int line) {}

  /**
   * A row of a pipe table.
   *
   * @param table the 1-based line of the table's header row
   * @param line the 1-based line of this row
   * @param cells how many cells GitHub sees in it: every {@code |} not escaped as {@code \|}
   *     separates cells, even inside a code span
   */
  record TableRow(int table, int line, int cells) {}

  private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");

  private final Path file;
  private final List<String> headings = new ArrayList<>();
  private final Set<String> anchors = new LinkedHashSet<>();
  private final List<Link> links = new ArrayList<>();
  private final List<String> codeSpans = new ArrayList<>();
  private final List<CodeBlock> codeBlocks = new ArrayList<>();
  private final List<TableRow> tableRows = new ArrayList<>();

  private MarkdownDocument(Path file) {
    this.file = file;
  }

  /** Parses {@code text}, read from {@code file} (used to resolve relative links). */
  static MarkdownDocument parse(Path file, String text) {
    MarkdownDocument doc = new MarkdownDocument(file);
    doc.read(text.split("\r?\n", -1));
    return doc;
  }

  /** Reads and parses a Markdown file. */
  static MarkdownDocument read(Path file) {
    return parse(file, Checkout.read(file));
  }

  private void read(String[] lines) {
    Map<String, Integer> slugCounts = new HashMap<>();
    Optional<String> fence = Optional.empty();
    List<String> block = new ArrayList<>();
    String info = "";
    int blockLine = 0;
    int table = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher f = FENCE.matcher(line);
      if (fence.isPresent()) {
        if (f.matches() && f.group(1).startsWith(fence.get()) && f.group(2).isEmpty()) {
          codeBlocks.add(new CodeBlock(info, List.copyOf(block), blockLine));
          fence = Optional.empty();
        } else {
          block.add(line);
        }
        continue;
      }
      if (f.matches()) {
        table = 0;
        fence = Optional.of(f.group(1));
        info = f.group(2).toLowerCase(Locale.ROOT);
        block = new ArrayList<>();
        blockLine = i + 1;
        continue;
      }
      if (line.startsWith("|")) {
        table = table == 0 ? i + 1 : table;
        String row = line.strip();
        int cells =
            CELL_SEPARATOR.split(
                    row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length()), -1)
                .length;
        tableRows.add(new TableRow(table, i + 1, cells));
      } else {
        table = 0;
      }
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        headings.add(h.group(2));
        anchors.add(unique(slug(h.group(2)), slugCounts));
      }
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        anchors.add(html.group(1));
      }
      readInline(line, i + 1);
    }
  }

  private void readInline(String line, int lineNumber) {
    Matcher spans = CODE_SPAN.matcher(line);
    StringBuilder outsideCode = new StringBuilder();
    int last = 0;
    while (spans.find()) {
      codeSpans.add(spans.group(2).strip());
      outsideCode.append(line, last, spans.start()).append(' ');
      last = spans.end();
    }
    outsideCode.append(line.substring(last));
    String text = outsideCode.toString();
    Matcher links = INLINE_LINK.matcher(text);
    while (links.find()) {
      this.links.add(new Link(links.group(2), lineNumber));
    }
    Matcher definition = REFERENCE_DEFINITION.matcher(text);
    if (definition.matches()) {
      this.links.add(new Link(definition.group(1), lineNumber));
    }
  }

  /**
   * The anchor GitHub gives a heading: lower case, markup and punctuation other than {@code -} and
   * {@code _} removed, spaces as {@code -}.
   */
  static String slug(String heading) {
    String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1"); // links: their text
    text = text.replace("`", "").replace("*", "");
    StringBuilder slug = new StringBuilder();
    for (int cp : text.toLowerCase(Locale.ROOT).codePoints().toArray()) {
      if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
        slug.appendCodePoint(cp);
      } else if (cp == ' ') {
        slug.append('-');
      }
    }
    return slug.toString();
  }

  private static String unique(String slug, Map<String, Integer> counts) {
    int seen = counts.merge(slug, 1, Integer::sum) - 1;
    return seen == 0 ? slug : slug + "-" + seen;
  }

  Path file() {
    return file;
  }

  List<String> headings() {
    return List.copyOf(headings);
  }

  Set<String> anchors() {
    return Set.copyOf(anchors);
  }

  List<Link> links() {
    return List.copyOf(links);
  }

  List<String> codeSpans() {
    return List.copyOf(codeSpans);
  }

  List<CodeBlock> codeBlocks() {
    return List.copyOf(codeBlocks);
  }

  List<TableRow> tableRows() {
    return List.copyOf(tableRows);
  }
}
