package dev.harbormaster.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecisionTest {
  @Test
  void withWarningAndAnnotation_returnCopiesAndKeepTheOriginal() {
    Decision.Allow allow = Decision.allow();
    Decision.Allow more = allow.withWarning("a").withWarning("b").withAuditAnnotation("k", "1");
    assertThat(allow.warnings()).isEmpty();
    assertThat(more.warnings()).containsExactly("a", "b");
    assertThat(more.withAuditAnnotation("k", "2").auditAnnotations()).containsEntry("k", "2");
  }

  @Test
  void deny_rejectsCodesOutsideTheErrorRange() {
    assertThatThrownBy(() -> Decision.deny(200, "ok?"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("200");
    assertThat(Decision.deny(403, "no").code()).isEqualTo(403);
  }
}
