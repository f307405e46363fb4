package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCheckTest {
  @TempDir Path root;

  private MarkdownDocument write(String name, String text) throws IOException {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return MarkdownDocument.read(file);
  }

  @Test
  void acceptsExistingFilesDirectoriesAndAnchors_andSkipsExternalLinks() throws IOException {
    write("docs/ops.md", "# Ops\n## Metrics (host)\n");
    Files.createDirectories(root.resolve("plugins/example"));
    MarkdownDocument doc =
        write(
            "docs/README.md",
            "# Index\n[ops](ops.md#metrics-host) [self](#index) [dir](../plugins/example)"
                + " [web](https://example.com/x.md#nope) [mail](mailto:a@b.c)\n");

    assertThat(new LinkCheck(root).problems(doc)).isEmpty();
  }

  @Test
  void reportsMissingFiles_missingAnchors_andLinksLeavingTheRepository() throws IOException {
    write("docs/ops.md", "# Ops\n");
    MarkdownDocument doc =
        write(
            "docs/README.md",
            "# Index\n[a](missing.md)\n[b](ops.md#alerts)\n[c](#nowhere)\n[d](../../outside.md)\n");

    assertThat(new LinkCheck(root).problems(doc))
        .satisfiesExactly(
            p -> assertThat(p).contains("README.md:2", "docs/missing.md does not exist"),
            p -> assertThat(p).contains("README.md:3", "no heading with anchor 'alerts'"),
            p -> assertThat(p).contains("README.md:4", "no heading with anchor 'nowhere'"),
            p -> assertThat(p).contains("README.md:5", "leaves the repository"));
  }
}
