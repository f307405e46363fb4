package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every relative link and anchor in docs/ and the top-level README resolves. */
class DocsLinksTest {

  @Test
  void everyRelativeLinkAndAnchor_inDocsAndTheReadme_resolves() {
    Path root = Checkout.root();
    List<Path> documents = new ArrayList<>(Checkout.files(root.resolve("docs"), ".md"));
    documents.add(Checkout.file("README.md"));
    LinkCheck check = new LinkCheck(root);
    List<String> problems = new ArrayList<>();
    int links = 0;
    for (Path file : documents) {
      MarkdownDocument doc = MarkdownDocument.read(file);
      links += doc.links().size();
      problems.addAll(check.problems(doc));
    }

    // Guards against a parser that finds nothing: the index alone links every document.
    assertThat(documents).hasSizeGreaterThan(8);
    assertThat(links).isGreaterThan(50);
    assertThat(problems).as("broken links").isEmpty();
  }

  @Test
  void theDocsIndex_linksEveryDocumentInDocs() {
    Path docs = Checkout.root().resolve("docs");
    MarkdownDocument index = MarkdownDocument.read(docs.resolve("README.md"));
    List<Path> linked =
        index.links().stream()
            .map(MarkdownDocument.Link::target)
            .filter(t -> !t.contains(":"))
            .map(t -> docs.resolve(t.replaceAll("#.*", "")).normalize())
            .toList();

    // Reference pages are reached from reference/README.md; examples are not documents.
    List<Path> expected =
        Checkout.files(docs, ".md").stream()
            .filter(p -> !docs.relativize(p).startsWith("examples"))
            .filter(p -> !p.equals(docs.resolve("README.md")))
            .filter(p -> !docs.relativize(p).startsWith("reference") || p.endsWith("README.md"))
            .toList();
    assertThat(linked).containsAll(expected);
  }
}
