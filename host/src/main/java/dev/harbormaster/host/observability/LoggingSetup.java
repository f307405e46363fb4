package dev.harbormaster.host.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import dev.harbormaster.host.config.ServerConfig.LogFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures logback from the config file: text or JSON ({@link FlatJsonEncoder}) on stderr, INFO
 * by default, DEBUG for reviews when the environment has {@code DEBUG=1}.
 */
public final class LoggingSetup {
  static final String PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{24} - %msg %kvp%n";

  /** Name of the appender writing to stderr. */
  static final String APPENDER = "stderr";

  private LoggingSetup() {}

  /** Flushes queued log events and stops logging (before the process exits). */
  public static void flush() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }

  /** Writes the log lines still buffered, and goes on logging. */
  public static void drain() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER)
            instanceof BufferedStderrAppender buffered) {
      buffered.flush();
    }
  }

  /** True when the environment asks for debug logging ({@code DEBUG=1} or {@code true}). */
  public static boolean debugRequested() {
    String debug = System.getenv("DEBUG");
    return "1".equals(debug) || "true".equalsIgnoreCase(debug);
  }

  /** Replaces the logging configuration. */
  public static void configure(LogFormat format, boolean debug) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding is in charge
    }
    context.reset();
    Encoder<ILoggingEvent> encoder;
    if (format == LogFormat.JSON) {
      encoder = new FlatJsonEncoder();
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setPattern(PATTERN);
      encoder = text;
    }
    encoder.setContext(context);
    encoder.start();
    // Encoded on the logging thread, written to stderr in batches (BufferedStderrAppender).
    BufferedStderrAppender appender = new BufferedStderrAppender();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setEncoder(encoder);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appender);
    context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
    context.getLogger("io.javalin").setLevel(Level.WARN);
    context.getLogger("harbormaster").setLevel(debug ? Level.DEBUG : Level.INFO);
    context.getLogger("dev.harbormaster").setLevel(debug ? Level.DEBUG : Level.INFO);
  }
}
