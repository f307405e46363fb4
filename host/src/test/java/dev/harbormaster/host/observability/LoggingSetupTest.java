package dev.harbormaster.host.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import dev.harbormaster.host.config.ServerConfig.LogFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @AfterEach
  void restore() {
    LoggingSetup.configure(LogFormat.TEXT, false);
  }

  @Test
  void jsonFormat_writesFlatJsonLines_onStderr_inBatches() {
    LoggingSetup.configure(LogFormat.JSON, false);

    var appender =
        (BufferedStderrAppender)
            context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(LoggingSetup.APPENDER);
    assertThat(appender.getEncoder()).isInstanceOf(FlatJsonEncoder.class);
    assertThat(appender.isStarted()).isTrue();
    assertThat(ReviewLog.debugEnabled()).isFalse();
  }

  @Test
  void debug_turnsOnWholeReviewLogging() {
    LoggingSetup.configure(LogFormat.TEXT, true);

    assertThat(ReviewLog.debugEnabled()).isTrue();
  }
}
