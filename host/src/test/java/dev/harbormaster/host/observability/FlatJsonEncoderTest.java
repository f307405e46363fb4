package dev.harbormaster.host.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.harbormaster.host.review.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;

class FlatJsonEncoderTest {
  private final LoggerContext context = new LoggerContext();

  private String encode(LoggingEvent event) {
    FlatJsonEncoder encoder = new FlatJsonEncoder();
    encoder.setContext(context);
    encoder.start();
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  private LoggingEvent event(Level level, String message, Throwable thrown) {
    LoggingEvent event =
        new LoggingEvent(
            "test", context.getLogger("harbormaster.review"), level, message, thrown, null);
    event.setTimeStamp(1_795_000_000_123L);
    event.setThreadName("worker-1");
    return event;
  }

  @Test
  void keyValuePairs_becomeTopLevelFields_withNumbersAsNumbers() {
    LoggingEvent event = event(Level.INFO, "review", null);
    event.setKeyValuePairs(
        List.of(
            new KeyValuePair("uid", "705ab4f5"),
            new KeyValuePair("patched", 2),
            new KeyValuePair("durationMs", BigDecimal.valueOf(296_809, 3)),
            new KeyValuePair("dryRun", true),
            new KeyValuePair("note", "say \"hi\"\n")));

    String line = encode(event);

    assertThat(line).endsWith("}\n").doesNotContain("kvpList");
    JsonNode json = Json.MAPPER.readTree(line);
    assertThat(json.path("time").asString()).isEqualTo("2026-11-18T11:06:40.123Z");
    assertThat(json.path("level").asString()).isEqualTo("INFO");
    assertThat(json.path("logger").asString()).isEqualTo("harbormaster.review");
    assertThat(json.path("thread").asString()).isEqualTo("worker-1");
    assertThat(json.path("message").asString()).isEqualTo("review");
    assertThat(json.path("uid").asString()).isEqualTo("705ab4f5");
    assertThat(json.path("patched").isInt()).isTrue();
    assertThat(json.path("durationMs").decimalValue()).isEqualByComparingTo("296.809");
    assertThat(json.path("dryRun").isBoolean()).isTrue();
    assertThat(json.path("note").asString()).isEqualTo("say \"hi\"\n");
    assertThat(json.has("exception")).isFalse();
  }

  @Test
  void anException_isOneFieldWithItsStackTrace() {
    String line =
        encode(event(Level.ERROR, "unexpected error", new IllegalStateException("broken")));

    JsonNode json = Json.MAPPER.readTree(line);
    assertThat(json.path("exception").asString())
        .startsWith("java.lang.IllegalStateException: broken")
        .contains("FlatJsonEncoderTest");
    assertThat(line.strip()).doesNotContain("\n");
  }
}
