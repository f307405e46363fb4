package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellPathsTest {

  @Test
  void separatesPathsReadFromPathsCreated_andSkipsUrlsOptionsHeadersAndHeredocs() {
    List<ShellPaths.PathUse> uses =
        ShellPaths.of(
            List.of(
                "cp -r plugins/example-deny-latest plugins/my-policy",
                "./mvnw -q -pl plugins/my-policy package   # builds the jar",
                "cat > my.yaml <<'EOF'",
                "plugins: { dir: dist/target/harbormaster/plugins }",
                "EOF",
                "curl -s -H 'Content-Type: application/json' --data @docs/examples/x.json"
                    + " http://127.0.0.1:8080/validate",
                "unzip -p plugins/a.jar META-INF/MANIFEST.MF"));

    assertThat(uses)
        .extracting(u -> u.path() + (u.created() ? " (created)" : ""))
        .containsExactly(
            "plugins/example-deny-latest",
            "plugins/my-policy (created)",
            "mvnw",
            "plugins/my-policy",
            "my.yaml (created)",
            "docs/examples/x.json",
            "plugins/a.jar");
  }

  @Test
  void splitsWordsHonouringQuotes() {
    assertThat(ShellPaths.words("echo 'a b' \"c d\" e")).containsExactly("echo", "a b", "c d", "e");
  }
}
