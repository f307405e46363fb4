package dev.harbormaster.docs.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Javadoc of config types from their source files in the checkout ({@code src/main/java}
 * of the module the class comes from), so the reference shows what the code's authors wrote next to
 * each record component.
 */
final class SourceJavadoc {
  private static final Pattern CONSTANT_DOC =
      Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*([A-Z][A-Z0-9_]*)\\s*[,;(}]", Pattern.DOTALL);
  private static final Pattern PARAM =
      Pattern.compile("^@param\\s+(\\S+)\\s*(.*)$", Pattern.DOTALL);

  private final Path root;
  private final Map<Class<?>, TypeDoc> cache = new ConcurrentHashMap<>();
  private List<Path> sourceRoots;

  /** Reads sources from every {@code src/main/java} folder below {@code root}. */
  SourceJavadoc(Path root) {
    this.root = root;
  }

  /** Reads sources from the given source folders only. */
  SourceJavadoc(List<Path> sourceRoots) {
    this.root = sourceRoots.getFirst();
    this.sourceRoots = List.copyOf(sourceRoots);
  }

  /** The Javadoc of {@code type} (a top-level or nested record or enum). */
  TypeDoc of(Class<?> type) {
    return cache.computeIfAbsent(type, this::read);
  }

  /** The source file declaring {@code type} (its top-level class's file). */
  Path sourceOf(Class<?> type) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) top = top.getEnclosingClass();
    String relative = top.getName().replace('.', '/') + ".java";
    return sourceRoots().stream()
        .map(dir -> dir.resolve(relative))
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no source file " + relative + " below " + root));
  }

  /** Every {@code src/main/java} directory of the checkout, build folders skipped. */
  private synchronized List<Path> sourceRoots() {
    if (sourceRoots == null) {
      List<Path> found = new ArrayList<>();
      try {
        Files.walkFileTree(
            root,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (dir.endsWith(Path.of("src", "main", "java"))) {
                  found.add(dir);
                  return FileVisitResult.SKIP_SUBTREE;
                }
                boolean skip =
                    !dir.equals(root)
                        && (name.startsWith("target")
                            || name.startsWith(".")
                            || name.equals("test")
                            || name.equals("node_modules"));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sourceRoots = List.copyOf(found);
    }
    return sourceRoots;
  }

  private TypeDoc read(Class<?> type) {
    Path file = sourceOf(type);
    String source;
    try {
      source = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher decl =
        Pattern.compile("\\b(record|enum|class|interface)\\s+" + type.getSimpleName() + "\\b")
            .matcher(source);
    if (!decl.find()) {
      throw new IllegalStateException(file + " does not declare " + type.getSimpleName());
    }
    int docEnd = source.lastIndexOf("*/", decl.start());
    int docStart = source.lastIndexOf("/**", decl.start());
    String comment =
        docStart >= 0
                && docEnd > docStart
                && onlyModifiers(source.substring(docEnd + 2, decl.start()))
            ? source.substring(docStart + 3, docEnd)
            : "";
    Map<String, String> constants = new LinkedHashMap<>();
    if (type.isEnum()) {
      Matcher c = CONSTANT_DOC.matcher(source.substring(decl.end()));
      while (c.find()) constants.putIfAbsent(c.group(2), lines(c.group(1)));
    }
    return parse(lines(comment), constants);
  }

  private static boolean onlyModifiers(String between) {
    return between
        .replaceAll("@\\w+(\\([^)]*\\))?", "")
        .replaceAll("\\b(public|final|static|sealed|abstract)\\b", "")
        .isBlank();
  }

  /** The comment's text without the leading {@code *} of each line. */
  private static String lines(String comment) {
    return comment
        .lines()
        .map(l -> l.replaceFirst("^\\s*\\*( ?)", ""))
        .reduce((a, b) -> a + "\n" + b)
        .orElse("")
        .strip();
  }

  private static TypeDoc parse(String text, Map<String, String> constants) {
    String[] blocks = text.split("\n(?=\\s*@)");
    String main = blocks[0].startsWith("@") ? "" : blocks[0];
    Map<String, String> params = new LinkedHashMap<>();
    for (String block : blocks) {
      Matcher p = PARAM.matcher(block.strip());
      if (p.matches()) params.put(p.group(1), p.group(2).replaceAll("\\s+", " ").strip());
    }
    String markdown = JavadocText.toMarkdown(main);
    int stop = markdown.indexOf(". ");
    String summary = stop >= 0 ? markdown.substring(0, stop + 1) : markdown;
    return new TypeDoc(summary, params, constants);
  }
}
