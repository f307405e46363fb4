package dev.harbormaster.bench.mirrorsync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * One direction of a {@link DelayRelay} connection: a reader stamps each chunk it reads with the
 * time it is due ({@code now + delay}) and queues it; a writer sends each chunk when it is due. A
 * chunk is therefore delayed once, while the next ones are already travelling (as on a long link),
 * instead of a sleep per read that would cap the throughput at one chunk per delay. At most {@link
 * #IN_FLIGHT_BYTES} are queued, so a slow receiver pushes back on the sender as TCP's window does.
 */
final class DelayedPipe {
  static final int IN_FLIGHT_BYTES = 8 * 1024 * 1024;
  private static final int CHUNK = 64 * 1024;
  private static final byte[] END = new byte[0];

  private record Chunk(long dueNanos, byte[] bytes) {}

  private final Socket from;
  private final Socket to;
  private final long delayNanos;
  private final long notBeforeNanos;
  private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
  private final Semaphore budget = new Semaphore(IN_FLIGHT_BYTES);

  /**
   * @param notBeforeNanos no chunk is delivered before this {@link System#nanoTime()} (the relay
   *     uses it for the round trip a TCP handshake costs before the first byte can be sent)
   */
  DelayedPipe(Socket from, Socket to, long delayNanos, long notBeforeNanos) {
    this.from = from;
    this.to = to;
    this.delayNanos = delayNanos;
    this.notBeforeNanos = notBeforeNanos;
  }

  /** Starts the reader and the writer; the returned thread ends once the end was forwarded. */
  Thread start() {
    Thread.ofVirtual().name("relay-read").start(this::read);
    return Thread.ofVirtual().name("relay-write").start(this::write);
  }

  private void read() {
    byte[] buffer = new byte[CHUNK];
    try {
      InputStream in = from.getInputStream();
      while (true) {
        int n = in.read(buffer);
        if (n < 0) {
          queue.put(new Chunk(due(), END));
          return;
        }
        budget.acquire(n);
        queue.put(new Chunk(due(), Arrays.copyOf(buffer, n)));
      }
    } catch (IOException | InterruptedException e) {
      abort();
      queue.add(new Chunk(System.nanoTime(), END));
    }
  }

  private long due() {
    return Math.max(System.nanoTime() + delayNanos, notBeforeNanos);
  }

  private void write() {
    try {
      OutputStream out = to.getOutputStream();
      while (true) {
        Chunk chunk = queue.take();
        long wait = chunk.dueNanos() - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        if (chunk.bytes() == END) {
          if (!to.isClosed()) {
            to.shutdownOutput();
          }
          return;
        }
        out.write(chunk.bytes());
        budget.release(chunk.bytes().length);
      }
    } catch (IOException | InterruptedException e) {
      abort();
      budget.release(IN_FLIGHT_BYTES); // a reader waiting for room goes on to see the closed socket
    }
  }

  /** A reset or failure on either side ends the whole connection, as it would end-to-end. */
  private void abort() {
    DelayRelay.closeQuietly(from);
    DelayRelay.closeQuietly(to);
  }
}
