package dev.harbormaster.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.harbormaster.spi.GroupVersionKind;
import org.junit.jupiter.api.Test;

class KindPatternTest {
  private static final GroupVersionKind POD = new GroupVersionKind("", "v1", "Pod");
  private static final GroupVersionKind DEPLOYMENT =
      new GroupVersionKind("apps", "v1", "Deployment");

  @Test
  void bareKind_matchesAnyGroupAndVersion() {
    assertThat(KindPattern.parse("Pod").matches(POD)).isTrue();
    assertThat(KindPattern.parse("Deployment").matches(DEPLOYMENT)).isTrue();
    assertThat(KindPattern.parse("Pod").matches(DEPLOYMENT)).isFalse();
  }

  @Test
  void versionAndKind_meansTheCoreGroup() {
    assertThat(KindPattern.parse("v1/Pod").matches(POD)).isTrue();
    assertThat(KindPattern.parse("v1/Deployment").matches(DEPLOYMENT)).isFalse();
  }

  @Test
  void groupVersionKind_andWildcards() {
    assertThat(KindPattern.parse("apps/v1/Deployment").matches(DEPLOYMENT)).isTrue();
    assertThat(KindPattern.parse("apps/*/Deployment").matches(DEPLOYMENT)).isTrue();
    assertThat(KindPattern.parse("batch/v1/*").matches(DEPLOYMENT)).isFalse();
    assertThat(KindPattern.parse("*").matches(POD)).isTrue();
    assertThat(KindPattern.parse("/v1/Pod").matches(POD)).as("empty group = core").isTrue();
  }

  @Test
  void rendersAsWritten() {
    assertThat(KindPattern.parse("apps/v1/Deployment")).hasToString("apps/v1/Deployment");
    assertThat(KindPattern.parse("v1/Pod")).hasToString("v1/Pod");
    assertThat(KindPattern.parse("Pod")).hasToString("Pod");
  }

  @Test
  void malformed_isRefusedWithTheAcceptedForms() {
    assertThatThrownBy(() -> KindPattern.parse("a/b/c/d"))
        .hasMessageContaining("invalid kind 'a/b/c/d'")
        .hasMessageContaining("group/version/Kind");
    assertThatThrownBy(() -> KindPattern.parse("v1/")).hasMessageContaining("invalid kind");
    assertThatThrownBy(() -> KindPattern.parse("")).hasMessageContaining("invalid kind");
  }
}
