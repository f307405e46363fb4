package dev.harbormaster.docs.reference;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates {@code docs/reference/}: one document per subject (the host and each plugin) and the
 * index {@code README.md}.
 */
final class ReferenceGenerator {
  private final Path root;
  private final List<ReferenceSubject> subjects;
  private final SourceJavadoc javadoc;

  ReferenceGenerator(Path root, List<ReferenceSubject> subjects) {
    this.root = root;
    this.subjects = List.copyOf(subjects);
    this.javadoc = new SourceJavadoc(root);
  }

  /** The folder the documents are written to. */
  Path referenceDir() {
    return root.resolve("docs/reference");
  }

  /** The examples of a subject. */
  List<Example> examples(ReferenceSubject subject) {
    return Example.in(referenceDir().resolve("examples").resolve(subject.id()));
  }

  /** The Javadoc reader used for the documents. */
  SourceJavadoc javadoc() {
    return javadoc;
  }

  /** Every generated file by its path, the index first. */
  Map<Path, String> files() {
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(referenceDir().resolve("README.md"), index());
    for (ReferenceSubject subject : subjects) {
      ReferenceDocument document =
          new ReferenceDocument(subject, javadoc, examples(subject), root.resolve("docs"));
      files.put(referenceDir().resolve(subject.id() + ".md"), document.render());
    }
    return files;
  }

  private String index() {
    StringBuilder out = new StringBuilder(ReferenceDocument.HEADER).append('\n');
    out.append("# Configuration reference\n\n");
    out.append(
        """
        Every field Harbormaster's configuration accepts, with its type, its default and what it \
        does, generated from the config records (`*Config` records of the host and of each \
        plugin) and their Javadoc, so it cannot drift from the code. The tests in `docs-tests/` \
        (package `dev.harbormaster.docs.reference`) fail when a document here differs from what \
        the code generates, when a record component has no Javadoc `@param`, when a default named \
        in a Javadoc differs from the one the code applies, when an example does not bind or \
        leaves a field out, and when a YAML block or a field table of the hand-written guides \
        names a field the code does not accept or a default it does not apply.

        | Document | Configures | Fields |
        |---|---|---|
        """);
    for (ReferenceSubject subject : subjects) {
      out.append("| [")
          .append(subject.id())
          .append(".md](")
          .append(subject.id())
          .append(".md) | ")
          .append(subject.title())
          .append(subject.guideLink().map(g -> " ([guide](" + g + "))").orElse(""))
          .append(" | ")
          .append(subject.tree().fields().size())
          .append(" |\n");
    }
    out.append(
        """

        ## Changing a config record

        1. Document every record component with a Javadoc `@param` (say the default in words when \
        it is not obvious).
        2. Show the new field in an example under `examples/<document>/` (the first file is the \
        complete example; further files show alternatives to fields that exclude each other). \
        Every field must appear in some example, and every example must bind.
        3. Install the changed modules (`./mvnw -B -pl <module> install -DskipTests`), then \
        regenerate this folder and commit the result:

        ```
        %s
        ```
        """
            .formatted(ReferenceDocument.REGENERATE));
    return out.toString();
  }
}
