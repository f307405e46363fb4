package dev.harbormaster.docs.prose;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves the relative links of Markdown documents the way GitHub does: a path relative to the
 * linking file (a file or a directory must exist there), and an optional {@code #anchor} that must
 * be a heading anchor of the target when the target is a Markdown file. Links with a scheme ({@code
 * https:}, {@code mailto:}) are not checked.
 */
final class LinkCheck {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  private final Path root;
  private final Map<Path, MarkdownDocument> parsed = new HashMap<>();

  /**
   * @param root links must not leave this directory (the checkout)
   */
  LinkCheck(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** One problem per broken link of {@code doc}, naming the file, line and target. */
  List<String> problems(MarkdownDocument doc) {
    List<String> problems = new ArrayList<>();
    for (MarkdownDocument.Link link : doc.links()) {
      String target = link.target();
      if (SCHEME.matcher(target).matches()) {
        continue;
      }
      int hash = target.indexOf('#');
      String path = hash < 0 ? target : target.substring(0, hash);
      String anchor = hash < 0 ? "" : decode(target.substring(hash + 1));
      Path resolved =
          path.isEmpty()
              ? doc.file()
              : doc.file().getParent().resolve(decode(path)).toAbsolutePath().normalize();
      String where = root.relativize(doc.file()) + ":" + link.line() + ": link '" + target + "'";
      if (!resolved.startsWith(root)) {
        problems.add(where + " leaves the repository");
      } else if (!Files.exists(resolved)) {
        problems.add(where + ": " + root.relativize(resolved) + " does not exist");
      } else if (!anchor.isEmpty() && resolved.getFileName().toString().endsWith(".md")) {
        MarkdownDocument linked = parsed.computeIfAbsent(resolved, MarkdownDocument::read);
        if (!linked.anchors().contains(anchor)) {
          problems.add(
              where
                  + ": no heading with anchor '"
                  + anchor
                  + "' in "
                  + root.relativize(resolved)
                  + " (anchors: "
                  + linked.anchors()
                  + ")");
        }
      }
    }
    return problems;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
