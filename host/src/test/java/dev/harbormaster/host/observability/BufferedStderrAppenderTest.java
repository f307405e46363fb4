package dev.harbormaster.host.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BufferedStderrAppenderTest {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream original = System.err;
  private final LoggerContext context = new LoggerContext();
  private BufferedStderrAppender appender;
  private Logger logger;

  @BeforeEach
  void start() {
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %msg%n");
    encoder.start();
    appender = new BufferedStderrAppender();
    appender.setContext(context);
    appender.setName("stderr");
    appender.setEncoder(encoder);
    appender.start();
    logger = context.getLogger("test");
    logger.setAdditive(false);
    logger.setLevel(Level.INFO);
    logger.addAppender(appender);
  }

  @AfterEach
  void restore() {
    appender.stop();
    System.setErr(original);
  }

  private String written() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void infoLines_reachStderrWithinTheFlushInterval_withoutAnyoneFlushing() throws Exception {
    logger.info("first");
    logger.info("second");

    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!written().contains("second") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    assertThat(written()).isEqualTo("INFO first\nINFO second\n");
  }

  @Test
  void aWarning_isWrittenAtOnce_withTheLinesBeforeIt() {
    logger.info("queued");
    logger.warn("problem");

    assertThat(written()).isEqualTo("INFO queued\nWARN problem\n");
  }

  @Test
  void stop_writesEverythingStillBuffered() {
    logger.info("last words");

    appender.stop();

    assertThat(written()).isEqualTo("INFO last words\n");
  }

  @Test
  void linesFromManyThreads_areAllWrittenWhole_andInEachThreadsOrder() throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < 2_000; i++) {
                      logger.info("t{} line {} {}", thread, i, "x".repeat(40));
                    }
                  }));
    }
    for (Thread t : threads) t.join();

    appender.stop();

    List<String> lines = written().lines().toList();
    assertThat(lines).hasSize(16_000).allMatch(l -> l.matches("INFO t\\d line \\d+ x{40}"));
    for (int t = 0; t < 8; t++) {
      String prefix = "INFO t" + t + " line ";
      List<Integer> order =
          lines.stream()
              .filter(l -> l.startsWith(prefix))
              .map(
                  l ->
                      Integer.parseInt(
                          l.substring(prefix.length(), l.indexOf(' ', prefix.length()))))
              .toList();
      Set<Integer> distinct = new TreeSet<>(order);
      assertThat(distinct).hasSize(2_000);
      assertThat(order).isSorted();
    }
  }
}
