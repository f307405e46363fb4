package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaTypeIndexTest {
  private final JavaTypeIndex index = new JavaTypeIndex(Checkout.root());

  private Optional<String> problem(String span) {
    return index.problem(JavaTypeIndex.parse(span).orElseThrow());
  }

  @Test
  void parsesTypesNestedTypesConstantsAndMembers_butNotOtherSpans() {
    assertThat(JavaTypeIndex.parse("Decision.deny(code, message)"))
        .hasValueSatisfying(
            n -> {
              assertThat(n.type()).isEqualTo("Decision");
              assertThat(n.member()).contains("deny");
            });
    assertThat(JavaTypeIndex.parse("@Extension"))
        .map(JavaTypeIndex.JavaName::type)
        .contains("Extension");
    assertThat(JavaTypeIndex.parse("SpiVersion.CURRENT"))
        .map(JavaTypeIndex.JavaName::nested)
        .contains(java.util.List.of("CURRENT"));
    assertThat(JavaTypeIndex.parse("Plugin-Requires")).isEmpty();
    assertThat(JavaTypeIndex.parse("CREATE")).isEmpty();
    assertThat(JavaTypeIndex.parse("C")).isEmpty();
    assertThat(JavaTypeIndex.parse("review -> Decision.allow()")).isEmpty();
  }

  @Test
  void resolvesSpiTestkitAndLibraryNames_withTheirMembers() {
    assertThat(problem("Decision.Allow")).isEmpty();
    assertThat(problem("Review.dryRun()")).isEmpty();
    assertThat(problem("SpiVersion.CURRENT")).isEmpty();
    assertThat(problem("PluginCommand.ConfiguredInstance")).isEmpty();
    assertThat(problem("dev.harbormaster.testkit.plugin.TestPluginContext")).isEmpty();
    assertThat(problem("TestReviews.pod(dryRun, images...)")).isEmpty();
    assertThat(problem("@Extension")).isEmpty();
    assertThat(problem("tools.jackson.databind.node.ObjectNode")).isEmpty();
  }

  @Test
  void reportsUnknownTypesNestedTypesAndMembers() {
    assertThat(problem("AdmissionFilter"))
        .hasValueSatisfying(p -> assertThat(p).contains("no type"));
    assertThat(problem("Decision.Maybe")).isPresent();
    assertThat(problem("Review.patch()")).hasValueSatisfying(p -> assertThat(p).contains("patch"));
    assertThat(problem("TestReviews.deployment(images)")).isPresent();
    assertThat(problem("dev.harbormaster.spi.Verdict")).isPresent();
  }
}
