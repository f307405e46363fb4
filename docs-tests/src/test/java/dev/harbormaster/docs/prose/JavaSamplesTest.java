package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaSamplesTest {
  @TempDir Path output;

  @Test
  void compilesStatementsAndClasses_withTheSpiOnTheClassPath() {
    assertThat(
            JavaSamples.errors(
                List.of(
                    "Decision d = Decision.deny(403, \"no\").withWarning(\"w\");",
                    "class Handler implements AdmissionHandler {\n"
                        + "  public Decision review(Review r) { return Decision.allow(); }\n}"),
                output))
        .isEmpty();
  }

  @Test
  void reportsSamplesThatDoNotCompile_namingTheSample() {
    assertThat(JavaSamples.errors(List.of("Decision d = Decision.maybe();"), output))
        .singleElement()
        .satisfies(e -> assertThat(e).contains("Sample0.java", "maybe"));
  }
}
