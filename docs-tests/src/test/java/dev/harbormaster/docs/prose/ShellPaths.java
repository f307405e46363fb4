package dev.harbormaster.docs.prose;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository paths that shell commands in a document refer to, split into paths the commands
 * read (they must exist in the checkout) and paths the commands create ({@code cp}, {@code mv} and
 * {@code mkdir} targets, {@code >} redirections), which later commands may then use. Heredoc bodies
 * are data, not commands; URLs, options and absolute paths are not repository paths.
 */
final class ShellPaths {
  private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*['\"]?(\\w+)['\"]?");
  private static final Pattern FILE_EXTENSION =
      Pattern.compile(".*\\.(ya?ml|json|xml|jar|md|java|sh|properties)$");
  private static final Set<String> CREATING = Set.of("cp", "mv", "mkdir");

  /**
   * One path a command line uses.
   *
   * @param path as written, without a trailing {@code /}
   * @param created true when the command creates it
   * @param line the command line
   */
  record PathUse(String path, boolean created, String line) {}

  private ShellPaths() {}

  /** The paths the command lines of one block use, in order. */
  static List<PathUse> of(List<String> block) {
    List<PathUse> uses = new ArrayList<>();
    Optional<String> heredocEnd = Optional.empty();
    for (String raw : block) {
      if (heredocEnd.isPresent()) {
        if (raw.strip().equals(heredocEnd.get())) {
          heredocEnd = Optional.empty();
        }
        continue;
      }
      String line = raw.strip().replaceFirst("^\\$\\s+", "");
      Matcher heredoc = HEREDOC.matcher(line);
      if (heredoc.find()) {
        heredocEnd = Optional.of(heredoc.group(1));
        line = line.substring(0, heredoc.start()) + line.substring(heredoc.end());
      }
      uses.addAll(command(stripComment(line), raw.strip()));
    }
    return uses;
  }

  private static List<PathUse> command(String line, String original) {
    List<String> words = words(line);
    List<PathUse> uses = new ArrayList<>();
    if (words.isEmpty()) {
      return uses;
    }
    String program = words.getFirst();
    List<String> operands = new ArrayList<>();
    Set<String> redirected = new LinkedHashSet<>();
    for (int i = 1; i < words.size(); i++) {
      String w = words.get(i);
      if ((w.equals(">") || w.equals(">>")) && i + 1 < words.size()) {
        redirected.add(words.get(++i));
      } else if (!w.startsWith("-")) {
        operands.add(w.startsWith("@") ? w.substring(1) : w);
      }
    }
    if (program.equals("unzip") && operands.size() > 1) {
      operands = operands.subList(0, 1); // the rest are entries inside the archive
    }
    if (isPath(program)) {
      uses.add(new PathUse(trim(program), false, original));
    }
    for (int i = 0; i < operands.size(); i++) {
      String w = operands.get(i);
      boolean created =
          CREATING.contains(program) && (program.equals("mkdir") || i == operands.size() - 1);
      if (isPath(w)) {
        uses.add(new PathUse(trim(w), created, original));
      }
    }
    redirected.stream()
        .filter(ShellPaths::isPath)
        .forEach(w -> uses.add(new PathUse(trim(w), true, original)));
    return uses;
  }

  /** A word that names a file or directory of the checkout. */
  static boolean isPath(String word) {
    if (word.isEmpty()
        || word.contains(":")
        || word.contains("$")
        || word.contains("<")
        || word.startsWith("/")
        || word.startsWith("~")
        || word.contains(" ")) {
      return false;
    }
    return word.contains("/") || FILE_EXTENSION.matcher(word).matches();
  }

  private static String trim(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return p.startsWith("./") ? p.substring(2) : p;
  }

  private static String stripComment(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) single = !single;
      else if (c == '"' && !single) dbl = !dbl;
      else if (c == '#'
          && !single
          && !dbl
          && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** Splits a command line into words, honouring single and double quotes. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) quote = 0;
        else word.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) words.add(word.toString());
        word.setLength(0);
        inWord = false;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) words.add(word.toString());
    return words;
  }
}
