package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every message docs/operations.md quotes in its troubleshooting tables is one the code emits: the
 * fixed parts of each quoted message (the text between placeholders such as {@code <name>} and
 * {@code ...}) occur in the production sources' string literals.
 */
class OperationsMessagesTest {

  private static List<String> quotedMessages() {
    String operations = Checkout.read(Checkout.file("docs/operations.md"));
    int start = operations.indexOf("\n## Troubleshooting");
    int end = operations.indexOf("\n## ", start + 1);
    List<String> messages = new ArrayList<>();
    for (String row : operations.substring(start, end).lines().toList()) {
      if (!row.startsWith("| ") || row.startsWith("| message") || row.startsWith("| text")) {
        continue;
      }
      String firstCell = row.split("(?<!\\\\)\\|")[1];
      MarkdownDocument cell = MarkdownDocument.parse(Checkout.root(), firstCell);
      cell.codeSpans().stream().filter(span -> span.contains(" ")).forEach(messages::add);
    }
    return messages;
  }

  @Test
  void everyQuotedMessage_isEmittedByTheCode() {
    SourceLiterals literals =
        SourceLiterals.production(
            Checkout.root(), "host", "spi", "plugins", "oci", "worker", "workload");
    List<String> messages = quotedMessages();
    List<String> unknown = new ArrayList<>();
    for (String message : messages) {
      List<String> missing = literals.missingParts(message);
      if (!missing.isEmpty()) {
        unknown.add("`" + message + "`: no literal contains " + missing);
      }
    }

    assertThat(messages).as("quoted messages in the troubleshooting tables").hasSizeGreaterThan(60);
    assertThat(unknown).as("messages in docs/operations.md that the code does not emit").isEmpty();
  }
}
