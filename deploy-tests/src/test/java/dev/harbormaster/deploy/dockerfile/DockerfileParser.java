package dev.harbormaster.deploy.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses a Dockerfile as BuildKit's front end reads it: parser directives ({@code # escape=}) at
 * the top, comment lines (also inside continuations), lines continued with the escape character,
 * the instruction keyword (any case), leading {@code --flags}, and the exec form (a JSON array of
 * strings; anything else, even starting with {@code [}, is the shell form). Heredocs ({@code
 * <<EOF}) are refused rather than misread. Variables are expanded only in {@code FROM}, from the
 * defaults of the {@code ARG}s before the first {@code FROM} (what a build without {@code
 * --build-arg} uses); elsewhere they are kept as written.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/">Dockerfile reference</a>
 */
final class DockerfileParser {
  private static final Set<String> KEYWORDS =
      Set.of(
          "FROM",
          "RUN",
          "CMD",
          "LABEL",
          "MAINTAINER",
          "EXPOSE",
          "ENV",
          "ADD",
          "COPY",
          "ENTRYPOINT",
          "VOLUME",
          "USER",
          "WORKDIR",
          "ARG",
          "ONBUILD",
          "STOPSIGNAL",
          "HEALTHCHECK",
          "SHELL");
  private static final Set<String> WITH_FLAGS = Set.of("FROM", "RUN", "COPY", "ADD", "HEALTHCHECK");
  private static final Set<String> EXEC_FORM =
      Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME");
  private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([a-zA-Z]+)\\s*=\\s*(\\S+)\\s*");
  private static final Pattern FLAG = Pattern.compile("--([a-zA-Z-]+)(?:=(\\S*))?");
  private static final Pattern HEREDOC = Pattern.compile("(^|\\s)<<-?[\"']?[A-Za-z_]");
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DockerfileParser() {}

  static Dockerfile parse(String source, String text) {
    String[] lines = text.split("\\R", -1);
    char escape = '\\';
    List<String> comments = new ArrayList<>();
    List<Instruction> instructions = new ArrayList<>();
    boolean directives = true;
    int i = 0;
    while (i < lines.length) {
      String line = lines[i].strip();
      if (directives) {
        Matcher d = DIRECTIVE.matcher(line);
        if (d.matches()) {
          if (d.group(1).equalsIgnoreCase("escape")) {
            escape = escapeChar(source, i + 1, d.group(2));
          }
          i++;
          continue;
        }
        directives = false;
      }
      if (line.isEmpty() || line.startsWith("#")) {
        if (line.startsWith("#")) {
          comments.add(line.substring(1).strip());
        }
        i++;
        continue;
      }
      int start = i + 1;
      StringBuilder logical = new StringBuilder();
      while (true) {
        String part = lines[i].strip();
        i++;
        if (!part.isEmpty() && part.charAt(part.length() - 1) == escape) {
          logical.append(part, 0, part.length() - 1).append(' ');
          while (i < lines.length && (lines[i].isBlank() || lines[i].strip().startsWith("#"))) {
            i++; // comment and empty lines inside a continuation are dropped
          }
          if (i < lines.length) {
            continue;
          }
        } else {
          logical.append(part);
        }
        break;
      }
      instructions.add(instruction(source, start, logical.toString().strip()));
    }
    return new Dockerfile(source, stages(source, instructions), comments);
  }

  private static Instruction instruction(String source, int line, String text) {
    String[] split = text.split("\\s+", 2);
    String keyword = split[0].toUpperCase(Locale.ROOT);
    if (!KEYWORDS.contains(keyword)) {
      throw new IllegalArgumentException(
          source + " line " + line + ": unknown instruction '" + split[0] + "'");
    }
    String rest = split.length > 1 ? split[1].strip() : "";
    Map<String, String> flags = new LinkedHashMap<>();
    if (WITH_FLAGS.contains(keyword)) {
      Matcher m = FLAG.matcher(rest);
      while (m.lookingAt()) {
        flags.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        rest = rest.substring(m.end()).stripLeading();
        m = FLAG.matcher(rest);
      }
    }
    if ((keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD"))
        && HEREDOC.matcher(rest).find()) {
      throw new IllegalArgumentException(
          source + " line " + line + ": heredocs are not supported by this parser: " + text);
    }
    Optional<List<String>> exec = EXEC_FORM.contains(keyword) ? execForm(rest) : Optional.empty();
    return new Instruction(line, keyword, flags, rest, exec);
  }

  /** A JSON array of strings, or empty (BuildKit then takes the text as the shell form). */
  private static Optional<List<String>> execForm(String text) {
    if (!text.startsWith("[")) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (!node.isArray()) {
        return Optional.empty();
      }
      List<String> words = new ArrayList<>();
      for (JsonNode element : node) {
        if (!element.isString()) {
          return Optional.empty();
        }
        words.add(element.asString());
      }
      return Optional.of(words);
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  private static List<Stage> stages(String source, List<Instruction> instructions) {
    List<Stage> stages = new ArrayList<>();
    Map<String, String> args = new LinkedHashMap<>();
    Instruction from = null;
    List<Instruction> body = new ArrayList<>();
    for (Instruction in : instructions) {
      if (in.keyword().equals("FROM")) {
        if (from != null) {
          stages.add(stage(source, stages.size(), from, body, args));
        }
        from = in;
        body = new ArrayList<>();
      } else if (from == null) {
        if (!in.keyword().equals("ARG")) {
          throw new IllegalArgumentException(
              source + " " + in + ": only ARG may come before the first FROM");
        }
        String[] arg = in.arguments().split("=", 2);
        args.put(arg[0].strip(), arg.length > 1 ? unquote(arg[1].strip()) : "");
      } else {
        body.add(in);
      }
    }
    if (from == null) {
      throw new IllegalArgumentException(source + ": no FROM instruction");
    }
    stages.add(stage(source, stages.size(), from, body, args));
    return stages;
  }

  private static Stage stage(
      String source,
      int index,
      Instruction from,
      List<Instruction> body,
      Map<String, String> args) {
    List<String> words = new ArrayList<>(from.words());
    if (!words.isEmpty()) {
      words.set(0, expand(source, from, words.getFirst(), args));
    }
    if (words.size() == 1) {
      return new Stage(index, from, words.getFirst(), Optional.empty(), body);
    }
    if (words.size() == 3 && words.get(1).equalsIgnoreCase("AS")) {
      return new Stage(index, from, words.getFirst(), Optional.of(words.get(2)), body);
    }
    throw new IllegalArgumentException(source + " " + from + ": expected FROM image [AS name]");
  }

  /** {@code ${NAME}} and {@code $NAME} from the ARG defaults; an unknown name is an error. */
  private static String expand(
      String source, Instruction from, String text, Map<String, String> args) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value = args.get(name);
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(
            source + " " + from + ": $" + name + " has no default in an ARG before the first FROM");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String unquote(String value) {
    return value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))
        ? value.substring(1, value.length() - 1)
        : value;
  }

  private static char escapeChar(String source, int line, String value) {
    if (value.equals("\\") || value.equals("`")) {
      return value.charAt(0);
    }
    throw new IllegalArgumentException(
        source + " line " + line + ": escape must be \\ or `, got '" + value + "'");
  }
}
