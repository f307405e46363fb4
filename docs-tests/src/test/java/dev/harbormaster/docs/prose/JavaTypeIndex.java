package dev.harbormaster.docs.prose;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves Java names as a document writes them in code spans ({@code Decision.Allow}, {@code
 * Review.dryRun()}, {@code SpiVersion.CURRENT}, {@code @Extension}, {@code
 * dev.harbormaster.testkit.plugin.TestReviews}) against the project's sources and the libraries on
 * the class path, and checks that the member named after the type exists.
 */
final class JavaTypeIndex {
  /** Packages a document may name types of without qualifying them. */
  static final List<String> LIBRARY_PACKAGES =
      List.of(
          "java.lang.",
          "java.util.",
          "java.util.concurrent.",
          "java.time.",
          "java.nio.file.",
          "org.pf4j.",
          "io.micrometer.core.instrument.",
          "io.micrometer.core.instrument.simple.",
          "tools.jackson.databind.",
          "tools.jackson.databind.node.",
          "io.fabric8.kubernetes.api.model.");

  private static final Pattern SIMPLE =
      Pattern.compile(
          "^@?([A-Z][A-Za-z0-9]+)((?:\\.[A-Z][A-Za-z0-9_]*)*)(?:<[^>]*>)?(?:[.#]([a-z]\\w*)(?:\\(.*\\))?)?$");
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "^@?((?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9]*)((?:\\.[A-Z][A-Za-z0-9_]*)*)(?:[.#]([a-z]\\w*)(?:\\(.*\\))?)?$");
  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final List<String> PREFERRED =
      List.of("spi/", "testkit/", "plugins/example-deny-latest/");

  /** A name from a code span: a type, nested parts (types or constants), a member. */
  record JavaName(String type, List<String> nested, Optional<String> member, boolean qualified) {}

  private final Path root;
  private final Map<String, List<Path>> sourcesBySimpleName = new HashMap<>();

  /** Indexes every Java source file of the checkout (production and test, no build output). */
  JavaTypeIndex(Path root) {
    this.root = root;
    for (Path file : Checkout.files(root, ".java")) {
      String name = file.getFileName().toString().replace(".java", "");
      sourcesBySimpleName.computeIfAbsent(name, k -> new ArrayList<>()).add(file);
    }
  }

  /** The Java name a code span writes, if it looks like one. */
  static Optional<JavaName> parse(String span) {
    Matcher q = QUALIFIED.matcher(span);
    if (q.matches()) {
      return Optional.of(
          new JavaName(q.group(1), nested(q.group(2)), Optional.ofNullable(q.group(3)), true));
    }
    Matcher s = SIMPLE.matcher(span);
    if (s.matches() && !CONSTANT.matcher(s.group(1)).matches()) {
      return Optional.of(
          new JavaName(s.group(1), nested(s.group(2)), Optional.ofNullable(s.group(3)), false));
    }
    return Optional.empty();
  }

  private static List<String> nested(String dotted) {
    return dotted.isEmpty() ? List.of() : List.of(dotted.substring(1).split("\\."));
  }

  /**
   * Empty when {@code name} resolves, else why not. A simple name may match several types (the
   * SPI's {@code Scope} and the registry client's): it resolves when any of them has the nested
   * parts and the member, trying the SPI, the testkit and the example plugin first.
   */
  Optional<String> problem(JavaName name) {
    Optional<String> first = Optional.empty();
    for (String className : classCandidates(name)) {
      Optional<Class<?>> type = load(className, name);
      if (type.isPresent()) {
        Optional<String> problem = memberProblem(type.get(), name);
        if (problem.isEmpty()) {
          return problem;
        }
        first = first.or(() -> problem);
      }
    }
    for (Path source : sources(name)) {
      Optional<String> problem = sourceProblem(source, name);
      if (problem.isEmpty()) {
        return problem;
      }
      first = first.or(() -> problem);
    }
    return first.or(() -> Optional.of("no type " + name.type() + " in the sources or libraries"));
  }

  private Optional<String> sourceProblem(Path source, JavaName name) {
    String text = Checkout.read(source);
    for (String part : name.nested()) {
      boolean declared =
          CONSTANT.matcher(part).matches()
              ? Pattern.compile("\\b" + part + "\\b").matcher(text).find()
              : Pattern.compile("\\b(class|interface|record|enum) " + part + "\\b")
                  .matcher(text)
                  .find();
      if (!declared) {
        return Optional.of(root.relativize(source) + " declares no " + part);
      }
    }
    if (name.member().isPresent()
        && !Pattern.compile("\\b" + name.member().get() + "\\b").matcher(text).find()) {
      return Optional.of(root.relativize(source) + " has no " + name.member().get());
    }
    return Optional.empty();
  }

  /** Source files that may declare the type, the SPI's, the testkit's and the example's first. */
  private List<Path> sources(JavaName name) {
    String simple = name.type().substring(name.type().lastIndexOf('.') + 1);
    String path = name.type().replace('.', '/') + ".java";
    return sourcesBySimpleName.getOrDefault(simple, List.of()).stream()
        .filter(f -> !name.qualified() || f.toString().replace('\\', '/').endsWith(path))
        .sorted(java.util.Comparator.comparingInt(this::preference))
        .toList();
  }

  private int preference(Path source) {
    String relative = root.relativize(source).toString().replace('\\', '/');
    for (int i = 0; i < PREFERRED.size(); i++) {
      if (relative.startsWith(PREFERRED.get(i))) {
        return i;
      }
    }
    return PREFERRED.size();
  }

  private List<String> classCandidates(JavaName name) {
    List<String> candidates = new ArrayList<>();
    if (name.qualified()) {
      candidates.add(name.type());
    } else {
      LIBRARY_PACKAGES.forEach(p -> candidates.add(p + name.type()));
      sources(name).forEach(s -> className(s).ifPresent(candidates::add));
    }
    return candidates;
  }

  private Optional<Class<?>> load(String className, JavaName name) {
    try {
      Class<?> type = Class.forName(className, false, getClass().getClassLoader());
      for (String part : name.nested()) {
        if (CONSTANT.matcher(part).matches()) {
          return Optional.of(type); // a constant: checked as a member
        }
        type = nestedType(type, part).orElse(null);
        if (type == null) {
          return Optional.empty();
        }
      }
      return Optional.of(type);
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  private Optional<String> className(Path source) {
    String path = root.relativize(source).toString().replace('\\', '/');
    int java = path.indexOf("/java/");
    return java < 0
        ? Optional.empty()
        : Optional.of(path.substring(java + 6, path.length() - 5).replace('/', '.'));
  }

  private static Optional<Class<?>> nestedType(Class<?> type, String simpleName) {
    return Arrays.stream(type.getDeclaredClasses())
        .filter(c -> c.getSimpleName().equals(simpleName))
        .<Class<?>>map(c -> c)
        .findFirst();
  }

  private static Optional<String> memberProblem(Class<?> type, JavaName name) {
    List<String> members = new ArrayList<>();
    name.nested().stream().filter(p -> CONSTANT.matcher(p).matches()).forEach(members::add);
    name.member().ifPresent(members::add);
    for (String member : members) {
      boolean found =
          Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(member::equals)
              || Arrays.stream(type.getFields()).map(Field::getName).anyMatch(member::equals)
              || (type.isRecord()
                  && Arrays.stream(type.getRecordComponents())
                      .map(RecordComponent::getName)
                      .anyMatch(member::equals));
      if (!found) {
        return Optional.of(type.getName() + " has no public member " + member);
      }
    }
    return Optional.empty();
  }
}
