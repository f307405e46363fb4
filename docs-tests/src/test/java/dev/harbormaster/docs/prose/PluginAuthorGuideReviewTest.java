package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step 6 of the plugin author guide works: the config the guide writes passes {@code harbormaster
 * check}, and {@code harbormaster review} of the example review denies it, run in-process with the
 * real host and the example plugin's jar (the guide's {@code my-policy} is a renamed copy of it).
 */
class PluginAuthorGuideReviewTest {
  @TempDir Path dir;

  /** The YAML the guide writes with {@code cat > my-policy.yaml <<'EOF'}. */
  private static String guideConfig() {
    MarkdownDocument guide = MarkdownDocument.read(Checkout.file("docs/plugin-author-guide.md"));
    for (MarkdownDocument.CodeBlock block : guide.codeBlocks()) {
      List<String> yaml = new ArrayList<>();
      boolean inside = false;
      for (String line : block.lines()) {
        if (line.contains("cat > my-policy.yaml <<'EOF'")) {
          inside = true;
        } else if (inside && line.strip().equals("EOF")) {
          return String.join("\n", yaml).stripIndent() + "\n";
        } else if (inside) {
          yaml.add(line);
        }
      }
    }
    throw new AssertionError("the guide no longer writes my-policy.yaml with a heredoc");
  }

  private Path examplePluginJar() throws URISyntaxException {
    Path jar =
        Path.of(
            dev.harbormaster.plugin.denylatest.DenyLatestPlugin.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    // `./mvnw test` from the top resolves reactor modules to their classes directories; the jar
    // exists from the package phase on (`./mvnw verify`, as CI runs it).
    boolean packaged = Files.isRegularFile(jar) && jar.toString().endsWith(".jar");
    String why =
        "the example plugin is not packaged as a jar yet (" + jar + "); run the package phase";
    if ("true".equals(System.getenv("CI"))) {
      // CI runs `./mvnw verify`: the jar must be there, the test must not be skipped.
      org.junit.jupiter.api.Assertions.assertTrue(packaged, why);
    }
    Assumptions.assumeTrue(packaged, why);
    return jar;
  }

  private static int run(StringWriter out, String... args) {
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(out)) {
      return Main.run(o, e, args);
    }
  }

  @Test
  void theGuidesConfig_passesCheck_andItsReviewDeniesTheExamplePod() throws Exception {
    String yaml = guideConfig();
    assertThat(yaml).contains("plugin: my-policy", "dir: dist/target/harbormaster/plugins");
    Path plugins = Files.createDirectories(dir.resolve("dist/target/harbormaster/plugins"));
    Files.copy(examplePluginJar(), plugins.resolve("my-policy.jar"));
    // The copied module differs from the example only in its Plugin-Id.
    Path config = dir.resolve("my-policy.yaml");
    Files.writeString(config, yaml.replace("plugin: my-policy", "plugin: deny-latest"));
    String review = Checkout.file("docs/examples/review-pod-latest.json").toString();

    StringWriter checked = new StringWriter();
    int checkCode = run(checked, "check", "--config", config.toString());
    StringWriter reviewed = new StringWriter();
    int reviewCode = run(reviewed, "review", "--config", config.toString(), review);

    assertThat(checkCode).as(checked.toString()).isZero();
    assertThat(checked.toString()).contains("OK: ", "my-policy (deny-latest)");
    assertThat(reviewCode).as(reviewed.toString()).isEqualTo(1);
    assertThat(reviewed.toString())
        .contains("allowed: false", "my-policy: Pod default/web", "(no tag means latest)");
  }
}
