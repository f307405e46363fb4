package dev.harbormaster.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore}: which paths of the build context Docker leaves out. Patterns use Go's
 * {@code filepath.Match} syntax plus {@code **} (any number of directories), are relative to the
 * context (a leading {@code /} is dropped), exclude whatever is below a matching directory, and a
 * {@code !} pattern re-includes; the last matching pattern wins.
 *
 * @param rules the patterns in order
 * @see <a href="https://docs.docker.com/build/concepts/context/#dockerignore-files">.dockerignore
 *     files</a>
 */
record DockerIgnore(List<Rule> rules) {

  /**
   * One line.
   *
   * @param pattern the pattern as written
   * @param regex what it matches
   * @param include true for a {@code !} exception
   */
  record Rule(String pattern, Pattern regex, boolean include) {}

  /** Copies the list. */
  DockerIgnore {
    rules = List.copyOf(rules);
  }

  /** Reads {@code file}. */
  static DockerIgnore read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the text of a {@code .dockerignore}. */
  static DockerIgnore parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean include = line.startsWith("!");
      String pattern = (include ? line.substring(1) : line).strip();
      while (pattern.startsWith("/")) {
        pattern = pattern.substring(1);
      }
      if (pattern.endsWith("/")) {
        pattern = pattern.substring(0, pattern.length() - 1);
      }
      rules.add(new Rule(line, Pattern.compile(regex(pattern)), include));
    }
    return new DockerIgnore(rules);
  }

  /** True when {@code relative} (slash-separated, relative to the context) is left out. */
  boolean excludes(String relative) {
    boolean excluded = false;
    for (Rule rule : rules) {
      if (matchesOrParentMatches(rule.regex(), relative)) {
        excluded = !rule.include();
      }
    }
    return excluded;
  }

  private static boolean matchesOrParentMatches(Pattern regex, String path) {
    String p = path;
    while (true) {
      if (regex.matcher(p).matches()) {
        return true;
      }
      int slash = p.lastIndexOf('/');
      if (slash < 0) {
        return false;
      }
      p = p.substring(0, slash);
    }
  }

  private static String regex(String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
        i++;
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
          i++;
          re.append("(?:.*/)?");
        } else {
          re.append(".*");
        }
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int end = pattern.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException(".dockerignore: unclosed [ in '" + pattern + "'");
        }
        String set = pattern.substring(i + 1, end);
        re.append('[').append(set.startsWith("^") ? "^/" + set.substring(1) : set).append(']');
        i = end;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
