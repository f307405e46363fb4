package dev.harbormaster.host.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes encoded events to standard error in batches: each event is encoded on the thread that logs
 * it and appended to a buffer, which is written with one system call every {@link #FLUSH_INTERVAL},
 * as soon as it holds {@link #FLUSH_BYTES}, at once for WARN and ERROR events, and on {@link
 * #stop()} (the host stops logging before it exits).
 *
 * <p>Why: the host logs one line per review. Writing each line as it comes (logback's console
 * appender, behind its asynchronous appender) cost a system call and a thread wake-up per review:
 * the admission benchmark's host reached 0.50 of the bare endpoint's throughput with the line and
 * 0.58-0.60 without it (same run). A line waits at most {@link #FLUSH_INTERVAL}; no event is
 * dropped (there is no queue to overflow).
 */
public final class BufferedStderrAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  /** Longest time an INFO line waits in the buffer. */
  public static final Duration FLUSH_INTERVAL = Duration.ofMillis(50);

  /** Buffer size that triggers a write right away. */
  public static final int FLUSH_BYTES = 64 * 1024;

  private final Object buffering = new Object();
  private final Object writing = new Object();
  private ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES);
  private Encoder<ILoggingEvent> encoder;
  private ScheduledExecutorService flusher;

  /** The encoder turning each event into bytes (required before {@link #start()}). */
  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  /** The encoder set with {@link #setEncoder}. */
  public Encoder<ILoggingEvent> getEncoder() {
    return encoder;
  }

  @Override
  public void start() {
    if (encoder == null) {
      addError("no encoder set for the appender named '" + name + "'");
      return;
    }
    flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("log-flusher").unstarted(r));
    long every = FLUSH_INTERVAL.toMillis();
    flusher.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    byte[] bytes = encoder.encode(event);
    boolean now;
    synchronized (buffering) {
      buffer.writeBytes(bytes);
      now = buffer.size() >= FLUSH_BYTES || event.getLevel().isGreaterOrEqual(Level.WARN);
    }
    if (now) flush();
  }

  /** Writes what is buffered (in order: one writer at a time takes and writes a batch). */
  public void flush() {
    synchronized (writing) {
      ByteArrayOutputStream batch;
      synchronized (buffering) {
        if (buffer.size() == 0) return;
        batch = buffer;
        buffer = new ByteArrayOutputStream(FLUSH_BYTES);
      }
      PrintStream err = System.err; // looked up each time: tests and tools may replace it
      err.write(batch.toByteArray(), 0, batch.size());
      err.flush();
    }
  }

  @Override
  public void stop() {
    if (!isStarted()) return;
    super.stop();
    flusher.shutdownNow();
    flush();
  }
}
