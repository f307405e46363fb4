package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MarkdownDocumentTest {
  private static final String TEXT =
      """
      # Plugin `image-rewriter`

      See [the pipeline](architecture.md#the-admission-pipeline) and [ops][ref].
      A span `AdmissionPlugin<C>` and one with a link inside `[not](a-link.md)`.

      ## Metrics (plugin)

      ## Metrics (plugin)

      ```sh
      cp -r plugins/a plugins/b   # [not a link](nope.md)
      ```

      ## Step 1: copy, rename & build — fast!

      [ref]: operations.md#metrics
      """;

  private final MarkdownDocument doc = MarkdownDocument.parse(Path.of("docs/x.md"), TEXT);

  @Test
  void anchorsFollowGithub_markupAndPunctuationDropped_duplicatesNumbered() {
    assertThat(doc.anchors())
        .containsExactlyInAnyOrder(
            "plugin-image-rewriter",
            "metrics-plugin",
            "metrics-plugin-1",
            "step-1-copy-rename--build--fast");
  }

  @Test
  void findsInlineAndReferenceLinks_butNotInCodeSpansOrFencedBlocks() {
    assertThat(doc.links())
        .extracting(MarkdownDocument.Link::target)
        .containsExactly("architecture.md#the-admission-pipeline", "operations.md#metrics");
  }

  @Test
  void keepsCodeSpans_andFencedBlocksWithTheirInfoString() {
    assertThat(doc.codeSpans())
        .containsExactly("image-rewriter", "AdmissionPlugin<C>", "[not](a-link.md)");
    assertThat(doc.codeBlocks()).hasSize(1);
    assertThat(doc.codeBlocks().getFirst().info()).isEqualTo("sh");
    assertThat(doc.codeBlocks().getFirst().lines())
        .containsExactly("cp -r plugins/a plugins/b   # [not a link](nope.md)");
  }

  @Test
  void headingsInsideFencedBlocks_areNotHeadings() {
    MarkdownDocument fenced =
        MarkdownDocument.parse(Path.of("x.md"), "```yaml\n# a comment\n```\n# Real\n");

    assertThat(fenced.anchors()).containsExactly("real");
  }

  @Test
  void countsTableCellsAsGithubDoes_pipesInCodeSpansSplitUnlessEscaped() {
    MarkdownDocument tables =
        MarkdownDocument.parse(
            Path.of("x.md"),
            "| a | b |\n|---|---|\n| `x\\|y` | z |\n| `x|y` | z |\n\ntext\n| c |\n|---|\n");

    assertThat(tables.tableRows())
        .extracting(r -> r.table() + ":" + r.line() + ":" + r.cells())
        .containsExactly("1:1:2", "1:2:2", "1:3:2", "1:4:3", "7:7:1", "7:8:1");
  }
}
