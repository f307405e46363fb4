package dev.harbormaster.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavadocTextTest {

  @Test
  void inlineCodeBecomesBackticks_evenWithBracesInside() {
    assertThat(JavadocText.toMarkdown("e.g. {@code {match: docker.io}} or {@code nginx}"))
        .isEqualTo("e.g. `{match: docker.io}` or `nginx`");
  }

  @Test
  void linksShowTheirLabel_orTheMember_orTheSimpleName() {
    assertThat(
            JavadocText.toMarkdown("{@link Mode#REWRITE} {@link a.b.Type} {@link Type the type}"))
        .isEqualTo("`REWRITE` `Type` `the type`");
  }

  @Test
  void htmlAnchorsBecomeMarkdownLinks_otherTagsAndLineBreaksVanish() {
    assertThat(
            JavadocText.toMarkdown(
                "see <a href=\"https://k8s.io/x\">label\n selectors</a>;<p>next &lt;b&gt;"))
        .isEqualTo("see [label selectors](https://k8s.io/x); next <b>");
  }

  @Test
  void codeContainingABacktick_isFencedWithTwo() {
    assertThat(JavadocText.toMarkdown("{@code a`b}")).isEqualTo("`` a`b ``");
  }

  @Test
  void codeLiterals_listsTheCodeTagsInOrder() {
    assertThat(JavadocText.codeLiterals("{@code all} (default) or {@link X} {@code [a, b]}"))
        .containsExactly("all", "[a, b]");
  }
}
