package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md keeps up with the build: every module of the parent pom is in its modules
 * table, and every shipped plugin has a data-flow diagram.
 */
class ArchitectureDocTest {
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern PLUGIN_ID = Pattern.compile("<plugin.id>([^<]+)</plugin.id>");

  private final String architecture = Checkout.read(Checkout.file("docs/architecture.md"));

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** The text from {@code heading} to the next heading of any level. */
  private String section(String heading) {
    int start = architecture.indexOf("\n" + heading);
    assertThat(start).as("heading '" + heading + "'").isNotNegative();
    Matcher next = Pattern.compile("\n#{1,6} ").matcher(architecture);
    int end = next.find(start + 1) ? next.start() : architecture.length();
    return architecture.substring(start, end);
  }

  @Test
  void everyModuleOfTheBuild_isInTheModulesTable() {
    List<String> modules = all(MODULE, Checkout.read(Checkout.file("pom.xml")));

    assertThat(modules).contains("spi", "host", "plugins");
    assertThat(modules).allSatisfy(m -> assertThat(section("## Modules")).contains("`" + m + "/`"));
  }

  @Test
  void thePipeline_andEveryShippedPlugin_haveADiagram() {
    List<String> ids = new ArrayList<>();
    Path parent = Checkout.root().resolve("plugins/pom.xml");
    for (Path pom : Checkout.files(Checkout.root().resolve("plugins"), "pom.xml")) {
      if (!pom.equals(parent)) { // the parent only has the default and an example in a comment
        ids.addAll(all(PLUGIN_ID, Checkout.read(pom)));
      }
    }
    ids.remove("deny-latest"); // the example: its flow is one handler call

    assertThat(ids).contains("image-rewriter", "prefetch");
    assertThat(section("## The admission pipeline")).contains("```mermaid");
    assertThat(ids).allSatisfy(id -> assertThat(section("### " + id + ":")).contains("```mermaid"));
  }
}
