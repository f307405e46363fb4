package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.docs.reference.sample.SampleConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceJavadocTest {
  private static final Path TEST_SOURCES = Repository.root().resolve("docs-tests/src/test/java");
  private final SourceJavadoc javadoc = new SourceJavadoc(List.of(TEST_SOURCES));

  @Test
  void readsEveryParamOfARecord_withContinuationLinesJoined() {
    TypeDoc doc = javadoc.of(SampleConfig.class);

    assertThat(doc.params()).containsKeys("name", "port", "renamedField", "spread").hasSize(11);
    assertThat(doc.param("name")).contains("the {@code name} of the thing (default {@code demo})");
    assertThat(doc.param("missing")).isEmpty();
  }

  @Test
  void summaryIsTheFirstSentence() {
    assertThat(javadoc.of(SampleConfig.class).summary())
        .isEqualTo("A config record for the generator's own tests.");
  }

  @Test
  void readsNestedTypes_fromTheirTopLevelFile() {
    assertThat(javadoc.of(SampleConfig.Target.class).params())
        .containsEntry("host", "the host; required")
        .containsEntry("weight", "its weight");
    assertThat(javadoc.sourceOf(SampleConfig.Limits.class))
        .isEqualTo(
            TEST_SOURCES.resolve("dev/harbormaster/docs/reference/sample/SampleConfig.java"));
  }

  @Test
  void readsTheJavadocOfEveryEnumConstant_theLastOneToo() {
    assertThat(javadoc.of(SampleConfig.Color.class).constants())
        .containsEntry("RED", "The color of fire trucks.")
        .containsEntry("BLUE", "The color of the sky, {@code blue}.");
  }

  @Test
  void findsSourcesOfTheCheckout_belowSrcMainJava() {
    SourceJavadoc checkout = new SourceJavadoc(Repository.root());

    assertThat(checkout.sourceOf(dev.harbormaster.host.config.HostConfig.class))
        .isEqualTo(
            Repository.root()
                .resolve("host/src/main/java/dev/harbormaster/host/config/HostConfig.java"));
  }
}
