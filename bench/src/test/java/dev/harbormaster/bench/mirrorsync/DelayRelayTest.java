package dev.harbormaster.bench.mirrorsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real TCP echo server on loopback. The timing checks are lower bounds (a relay cannot
 * deliver early, however loaded the machine) or compare two arrivals in the same test with each
 * other, where a relay that delayed chunks or connections in turn would be at least a whole delay
 * apart; none times the machine itself.
 */
class DelayRelayTest {
  private ServerSocket echo;

  @BeforeEach
  void startEchoServer() throws IOException {
    echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual()
        .start(
            () -> {
              while (!echo.isClosed()) {
                try {
                  Socket s = echo.accept();
                  Thread.ofVirtual().start(() -> echoUntilEnd(s));
                } catch (IOException e) {
                  return;
                }
              }
            });
  }

  @AfterEach
  void stopEchoServer() throws IOException {
    echo.close();
  }

  @Test
  void relaysBytesIntactAndInOrder_bothWays_andForwardsTheEnd() throws Exception {
    byte[] data = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(data);
    try (DelayRelay relay = DelayRelay.start(target(), Duration.ofMillis(5));
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
      Thread sender = Thread.ofVirtual().start(() -> sendInPieces(socket, data));
      byte[] back = socket.getInputStream().readAllBytes(); // until the echo's end comes back
      sender.join();
      assertThat(back).isEqualTo(data);
    }
  }

  @Test
  void roundTripTakesAtLeastTwiceTheDelay_andTheFirstAlsoTheHandshakes() throws Exception {
    Duration delay = Duration.ofMillis(100);
    try (DelayRelay relay = DelayRelay.start(target(), delay)) {
      long start = System.nanoTime();
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
        roundTripNanos(socket);
        long firstDone = System.nanoTime();
        long second = roundTripNanos(socket);
        // a new connection pays the handshake's round trip before its request's
        assertThat(firstDone - start).isGreaterThanOrEqualTo(4 * delay.toNanos());
        assertThat(second).isGreaterThanOrEqualTo(2 * delay.toNanos());
      }
    }
  }

  @Test
  void twoConnections_areDelayedSideBySide_notOneAfterTheOther() throws Exception {
    Duration delay = Duration.ofMillis(400);
    try (DelayRelay relay = DelayRelay.start(target(), delay);
        Socket a = new Socket(InetAddress.getLoopbackAddress(), relay.port());
        Socket b = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
      long sent = System.nanoTime();
      a.getOutputStream().write('a');
      b.getOutputStream().write('b');
      assertThat(a.getInputStream().read()).isEqualTo('a');
      long aBack = System.nanoTime();
      assertThat(b.getInputStream().read()).isEqualTo('b');
      long bBack = System.nanoTime();
      assertThat(aBack - sent).isGreaterThanOrEqualTo(2 * delay.toNanos());
      // delayed in turn, b would come back at least one delay after a
      assertThat(bBack - aBack).isLessThan(delay.toNanos());
      assertThat(relay.connectionsAccepted()).isEqualTo(2);
    }
  }

  @Test
  void aStreamOfManyChunks_travelsTogether_eachChunkDelayedOnce() throws Exception {
    Duration delay = Duration.ofMillis(100);
    byte[] data = new byte[2 * 1024 * 1024]; // 32 of the relay's 64 KiB reads each way
    new Random(3).nextBytes(data);
    try (DelayRelay relay = DelayRelay.start(target(), delay);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
      long sent = System.nanoTime();
      Thread sender = Thread.ofVirtual().start(() -> write(socket, data));
      InputStream in = socket.getInputStream();
      byte[] back = new byte[data.length];
      back[0] = (byte) in.read();
      long firstBack = System.nanoTime();
      in.readNBytes(back, 1, data.length - 1);
      long lastBack = System.nanoTime();
      sender.join();
      assertThat(back).isEqualTo(data);
      assertThat(firstBack - sent).isGreaterThanOrEqualTo(2 * delay.toNanos());
      // a sleep per read would space the 32 reads by a delay each (3.1 s from first to last)
      assertThat(lastBack - firstBack).isLessThan(8 * delay.toNanos());
    }
  }

  @Test
  void refusesANegativeDelay_namingIt() {
    assertThatThrownBy(() -> DelayRelay.start(target(), Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one-way delay")
        .hasMessageContaining("-0.001S");
  }

  private InetSocketAddress target() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort());
  }

  private static long roundTripNanos(Socket socket) throws IOException {
    long start = System.nanoTime();
    socket.getOutputStream().write(7);
    assertThat(socket.getInputStream().read()).isEqualTo(7);
    return System.nanoTime() - start;
  }

  private static void echoUntilEnd(Socket socket) {
    try (socket) {
      socket.getInputStream().transferTo(socket.getOutputStream());
      socket.shutdownOutput();
    } catch (IOException e) {
      // the test closed its side
    }
  }

  private static void sendInPieces(Socket socket, byte[] data) {
    Random sizes = new Random(7);
    int at = 0;
    try {
      OutputStream out = socket.getOutputStream();
      while (at < data.length) {
        int n = Math.min(data.length - at, 1 + sizes.nextInt(200_000));
        out.write(data, at, n);
        at += n;
      }
      socket.shutdownOutput();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Socket socket, byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
