package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tables of the hand-written guides render on GitHub: every row has as many cells as its header
 * (a {@code |} inside a code span splits a cell unless written {@code \|}).
 */
class DocsTablesTest {
  static final List<String> GUIDES =
      List.of(
          "docs/README.md",
          "docs/architecture.md",
          "docs/operations.md",
          "docs/security.md",
          "docs/plugin-author-guide.md");

  @Test
  void everyTableRow_hasAsManyCellsAsItsHeader() {
    List<String> problems = new ArrayList<>();
    int rows = 0;
    for (String guide : GUIDES) {
      MarkdownDocument doc = MarkdownDocument.read(Checkout.file(guide));
      Map<Integer, Integer> headerCells = new HashMap<>();
      for (MarkdownDocument.TableRow row : doc.tableRows()) {
        rows++;
        int expected = headerCells.computeIfAbsent(row.table(), t -> row.cells());
        if (row.cells() != expected) {
          problems.add(
              guide + ":" + row.line() + ": " + row.cells() + " cells, header has " + expected);
        }
      }
    }

    assertThat(rows).isGreaterThan(100);
    assertThat(problems).isEmpty();
  }
}
