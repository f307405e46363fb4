package dev.harbormaster.bench.mirrorsync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback that adds a fixed one-way delay in each direction, so that a local
 * registry answers as a remote one would ({@code tc netem} needs the {@code sch_netem} kernel
 * module, which this machine lacks). Every connection accepted on {@link #port()} is connected to
 * the target and forwarded both ways by two {@link DelayedPipe}s: each byte arrives {@code delay}
 * after it was sent, order and throughput are kept, and connections do not wait for each other. A
 * new connection's first byte reaches the target no earlier than three one-way delays after the
 * client connected, as the TCP handshake's round trip precedes it on a real link. Threads are
 * virtual: one acceptor, and a reader and a writer per direction per connection.
 */
public final class DelayRelay implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Duration oneWayDelay;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();

  private DelayRelay(ServerSocket server, InetSocketAddress target, Duration oneWayDelay) {
    this.server = server;
    this.target = target;
    this.oneWayDelay = oneWayDelay;
  }

  /**
   * Listens on {@code 127.0.0.1} on a free port and relays to {@code target} with {@code
   * oneWayDelay} added in each direction (the round trip gains twice that).
   */
  public static DelayRelay start(InetSocketAddress target, Duration oneWayDelay) {
    if (oneWayDelay.isNegative()) {
      throw new IllegalArgumentException("one-way delay must not be negative: " + oneWayDelay);
    }
    try {
      ServerSocket server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
      DelayRelay relay = new DelayRelay(server, target, oneWayDelay);
      Thread.ofVirtual().name("relay-accept-" + server.getLocalPort()).start(relay::accept);
      return relay;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port clients connect to. */
  public int port() {
    return server.getLocalPort();
  }

  /** {@code 127.0.0.1:port}, the registry host to give clients instead of the target's. */
  public String host() {
    return "127.0.0.1:" + port();
  }

  /** The delay added in each direction. */
  public Duration oneWayDelay() {
    return oneWayDelay;
  }

  /** Connections accepted so far (each costs a client a handshake's round trip). */
  public int connectionsAccepted() {
    return accepted.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        long acceptedNanos = System.nanoTime();
        accepted.incrementAndGet();
        Thread.ofVirtual().name("relay-connection").start(() -> relay(client, acceptedNanos));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void relay(Socket client, long acceptedNanos) {
    Socket upstream = new Socket();
    open.add(client);
    open.add(upstream);
    try {
      upstream.connect(target);
      client.setTcpNoDelay(true);
      upstream.setTcpNoDelay(true);
      long delay = oneWayDelay.toNanos();
      Thread there = new DelayedPipe(client, upstream, delay, acceptedNanos + 3 * delay).start();
      Thread back = new DelayedPipe(upstream, client, delay, acceptedNanos).start();
      there.join();
      back.join();
    } catch (IOException e) {
      // the target refused: the client sees its connection closed, as with an unreachable host
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(client);
      closeQuietly(upstream);
      open.remove(client);
      open.remove(upstream);
    }
  }

  /** Stops accepting and closes every relayed connection. */
  @Override
  public void close() {
    closeQuietly(server);
    open.forEach(DelayRelay::closeQuietly);
  }

  static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing anyway
    }
  }

  @Override
  public String toString() {
    return host() + " -> " + target + " (+" + oneWayDelay.toMillis() + " ms each way)";
  }
}
