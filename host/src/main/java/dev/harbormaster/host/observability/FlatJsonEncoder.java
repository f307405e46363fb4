package dev.harbormaster.host.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.harbormaster.host.review.Json;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonGenerator;

/**
 * One flat JSON object per log event, for log pipelines (Loki, Elasticsearch, Cloud Logging) that
 * index top-level fields: {@code time} (RFC 3339, UTC), {@code level}, {@code logger}, {@code
 * thread}, {@code message}, then each key-value pair of the event as its own field — numbers and
 * booleans as JSON numbers and booleans — and {@code exception} (the stack trace) when there is
 * one. Logback's own JsonEncoder nests the pairs as a list of one-key objects with every value a
 * string, which such pipelines cannot filter on without a custom parser.
 */
public final class FlatJsonEncoder extends EncoderBase<ILoggingEvent> {
  private static final byte[] NONE = new byte[0];
  private static final byte[] NEWLINE = {'\n'};

  @Override
  public byte[] headerBytes() {
    return NONE;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = Json.MAPPER.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringProperty("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      json.writeStringProperty("level", event.getLevel().toString());
      json.writeStringProperty("logger", event.getLoggerName());
      json.writeStringProperty("thread", event.getThreadName());
      json.writeStringProperty("message", event.getFormattedMessage());
      if (event.getKeyValuePairs() != null) {
        for (KeyValuePair pair : event.getKeyValuePairs()) {
          json.writeName(pair.key);
          value(json, pair.value);
        }
      }
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        json.writeStringProperty("exception", ThrowableProxyUtil.asString(thrown));
      }
      json.writeEndObject();
    }
    out.writeBytes(NEWLINE);
    return out.toByteArray();
  }

  private static void value(JsonGenerator json, Object value) {
    switch (value) {
      case null -> json.writeNull();
      case Boolean b -> json.writeBoolean(b);
      case Integer i -> json.writeNumber(i);
      case Long l -> json.writeNumber(l);
      case BigDecimal d -> json.writeNumber(d);
      case BigInteger i -> json.writeNumber(i);
      case Double d when Double.isFinite(d) -> json.writeNumber(d);
      default -> json.writeString(String.valueOf(value));
    }
  }

  @Override
  public byte[] footerBytes() {
    return NONE;
  }
}
