package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/plugin-author-guide.md names only Java types (and members) that exist, and its shell
 * commands use only files that exist in the checkout or that an earlier command creates.
 */
class PluginAuthorGuideTest {
  private static final Set<String> SHELL = Set.of("sh", "bash", "shell", "console");

  private final Path root = Checkout.root();
  private final MarkdownDocument guide =
      MarkdownDocument.read(Checkout.file("docs/plugin-author-guide.md"));

  @Test
  void everyJavaTypeInACodeSpan_existsInTheSourcesOrLibraries() {
    JavaTypeIndex index = new JavaTypeIndex(root);
    List<String> problems = new ArrayList<>();
    Set<String> checked = new HashSet<>();
    for (String span : guide.codeSpans()) {
      JavaTypeIndex.parse(span)
          .ifPresent(
              name -> {
                checked.add(name.type());
                index.problem(name).ifPresent(p -> problems.add("`" + span + "`: " + p));
              });
    }

    // The SPI types the guide is about, and the testkit's, must be among those checked.
    assertThat(checked)
        .contains(
            "AdmissionPlugin",
            "AdmissionHandler",
            "Review",
            "Decision",
            "PluginContext",
            "StatusPublisher",
            "PluginCommand",
            "SpiVersion",
            "ConfigBinder",
            "dev.harbormaster.testkit.plugin.TestPluginContext",
            "dev.harbormaster.testkit.plugin.TestReviews");
    assertThat(problems).as("Java names in docs/plugin-author-guide.md").isEmpty();
  }

  @Test
  void everyShellCommand_usesFilesThatExist_orThatAnEarlierCommandCreates() {
    Set<String> created = new HashSet<>();
    List<String> problems = new ArrayList<>();
    int commands = 0;
    for (MarkdownDocument.CodeBlock block : guide.codeBlocks()) {
      if (!SHELL.contains(block.info())) {
        continue;
      }
      for (ShellPaths.PathUse use : ShellPaths.of(block.lines())) {
        commands++;
        if (use.created()) {
          created.add(use.path());
        } else if (!exists(use.path(), created)) {
          problems.add("line " + block.line() + ": '" + use.line() + "' uses " + use.path());
        }
      }
    }

    assertThat(commands).as("paths in the guide's shell blocks").isGreaterThan(5);
    assertThat(problems).as("missing files in docs/plugin-author-guide.md").isEmpty();
  }

  @Test
  void everyJavaSample_compilesAgainstTheSpiTheTestkitAndTheExamplePlugin(@TempDir Path output) {
    List<String> samples =
        guide.codeBlocks().stream()
            .filter(b -> b.info().equals("java"))
            .map(b -> String.join("\n", b.lines()))
            .toList();

    assertThat(samples).hasSizeGreaterThanOrEqualTo(2);
    assertThat(JavaSamples.errors(samples, output)).as("Java samples of the guide").isEmpty();
  }

  @Test
  void theTestkitSample_passesWhenRun(@TempDir Path output) throws Exception {
    List<String> samples =
        guide.codeBlocks().stream()
            .filter(b -> b.info().equals("java"))
            .map(b -> String.join("\n", b.lines()))
            .filter(s -> s.contains("@Test"))
            .toList();
    assertThat(samples).hasSize(1);
    assertThat(JavaSamples.errors(samples, output)).isEmpty();
    String className =
        samples
            .getFirst()
            .lines()
            .filter(l -> l.startsWith("class "))
            .findFirst()
            .orElseThrow()
            .split("\\s+")[1];

    try (var loader =
        new java.net.URLClassLoader(
            new java.net.URL[] {output.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> sample = loader.loadClass(className);
      var constructor = sample.getDeclaredConstructor();
      constructor.setAccessible(true);
      Object instance = constructor.newInstance();
      int ran = 0;
      for (var method : sample.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Test.class)) {
          method.setAccessible(true);
          method.invoke(instance); // an AssertionError in the sample fails this test
          ran++;
        }
      }
      assertThat(ran).isEqualTo(1);
    }
  }

  /**
   * A path exists in the checkout, or lies below a path an earlier command created; build output
   * ({@code <module>/target/...}) counts when its module exists.
   */
  private boolean exists(String path, Set<String> created) {
    for (String c : created) {
      if (path.equals(c) || path.startsWith(c + "/")) {
        return true;
      }
    }
    Optional<String> module = moduleOfBuildOutput(path);
    if (module.isPresent()) {
      return module.get().isEmpty()
          || Files.isDirectory(root.resolve(module.get()))
          || created.contains(module.get());
    }
    return Files.exists(root.resolve(path.replaceAll("\\*.*$", "")));
  }

  private static Optional<String> moduleOfBuildOutput(String path) {
    String[] parts = path.split("/");
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].startsWith("target")) {
        return Optional.of(String.join("/", java.util.Arrays.copyOf(parts, i)));
      }
    }
    return Optional.empty();
  }
}
