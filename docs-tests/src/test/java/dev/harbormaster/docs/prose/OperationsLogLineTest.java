package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.config.ServerConfig.LogFormat;
import dev.harbormaster.host.observability.LoggingSetup;
import dev.harbormaster.host.observability.ReviewLog;
import dev.harbormaster.host.pipeline.InstanceRun;
import dev.harbormaster.host.pipeline.ReviewOutcome;
import dev.harbormaster.host.review.AdmissionResponse;
import dev.harbormaster.spi.Review;
import dev.harbormaster.testkit.plugin.TestReviews;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-review log lines are what docs/operations.md says: logged by the host's own ReviewLog in
 * the JSON format, their keys are exactly the keys of the document's two tables.
 */
class OperationsLogLineTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @AfterEach
  void restoreLogging() {
    LoggingSetup.configure(LogFormat.TEXT, false);
  }

  /** The first-column code spans of each table below the "The per-review line" heading. */
  private static List<List<String>> documentedKeys() {
    String operations = Checkout.read(Checkout.file("docs/operations.md"));
    int start = operations.indexOf("### The per-review line");
    int end = operations.indexOf("\n## ", start);
    List<List<String>> tables = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : operations.substring(start, end).lines().toList()) {
      if (line.startsWith("| `")) {
        current.add(line.substring(3, line.indexOf('`', 3)));
      } else if (!line.startsWith("|") && !current.isEmpty()) {
        tables.add(current);
        current = new ArrayList<>();
      }
    }
    return tables;
  }

  /** JSON log events written to standard error while {@code logging} runs. */
  private static List<JsonNode> capture(Runnable logging) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      LoggingSetup.configure(LogFormat.JSON, false);
      logging.run();
      LoggingSetup.drain(); // the lines are buffered for up to 50 ms
    } finally {
      System.setErr(original);
    }
    return buffer.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
  }

  /** The event's own fields: all but the ones every JSON line carries. */
  private static List<String> keys(JsonNode event) {
    List<String> keys = new ArrayList<>(event.propertyNames());
    keys.removeAll(List.of("time", "level", "logger", "thread", "message", "exception"));
    return keys;
  }

  @Test
  void theReviewAndRejectionLines_carryExactlyTheDocumentedKeys() {
    Review review = TestReviews.pod(false);
    ReviewOutcome outcome =
        new ReviewOutcome(
            new AdmissionResponse(
                "uid-1", true, Optional.empty(), Optional.empty(), List.of(), Map.of()),
            List.of(new InstanceRun("no-latest", "deny-latest", InstanceRun.Result.ALLOWED, 1000)));

    List<JsonNode> events =
        capture(
            () -> {
              ReviewLog.reviewed("validate", review, outcome, 2_000_000);
              ReviewLog.rejected("validate", 415, "Content-Type must be application/json");
            });

    List<JsonNode> lines =
        events.stream()
            .filter(e -> e.path("logger").asString("").equals("harbormaster.review"))
            .toList();
    assertThat(lines)
        .extracting(e -> e.path("message").asString())
        .containsExactly("review", "review rejected");
    assertThat(documentedKeys()).hasSize(2);
    assertThat(keys(lines.get(0))).containsExactlyElementsOf(documentedKeys().get(0));
    assertThat(keys(lines.get(1))).containsExactlyElementsOf(documentedKeys().get(1));
  }
}
